import { HoduError } from '../../errors';
import { colors } from './colors';
import { err } from './output';

/** Renders any thrown value as `error[CODE]: message` + `hint:`; a stack only with --verbose. */
export async function renderError(e: unknown, verbose: boolean): Promise<number> {
  const c = await colors();
  if (e instanceof HoduError) {
    err(`${c.red(c.bold(`error[${e.code}]`))}: ${e.message}`);
    if (e.hint) err(`  ${c.yellow('hint')}: ${e.hint}`);
    if (verbose) err(c.dim(String((e.cause instanceof Error ? e.cause.stack : undefined) ?? e.stack)));
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  err(`${c.red(c.bold('error[E_INTERNAL]'))}: ${message}`);
  err(`  ${c.yellow('hint')}: this is a bug in hodu; please report it${verbose ? '' : ' with the output of --verbose'}`);
  if (verbose && e instanceof Error) err(c.dim(e.stack ?? ''));
  return 1;
}
