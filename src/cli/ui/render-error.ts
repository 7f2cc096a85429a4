import { HoduError } from '../../errors';
import { actionOf, ioError, isFsError } from '../../util/fs-error';
import { colors } from './colors';
import { err, outJson, printedJson } from './output';

/**
 * Renders any thrown value as `error[CODE]: message` + `hint:` on stderr; a stack only with --verbose.
 * With --json the same error is also `{"error": {code, message, hint, node?}}` on stdout (`node`: name, op
 * and domain of the node it is about, when there is one), unless the command
 * already printed its JSON result there (doctor, plugin test: the report carries the failure).
 */
export async function renderError(thrown: unknown, opts: { verbose: boolean; json: boolean }): Promise<number> {
  const c = await colors();
  const e = asHoduError(thrown);
  err(`${c.red(c.bold(`error[${e.code}]`))}: ${e.message}`);
  err(`  ${c.yellow('hint')}: ${e.hint}`);
  if (opts.verbose) {
    const cause = e.cause instanceof Error ? e.cause : e;
    err(c.dim(String(cause.stack ?? cause.message)));
  }
  if (opts.json && !printedJson()) outJson({ error: { code: e.code, message: e.message, hint: e.hint, ...(e.node ? { node: e.node } : {}) } });
  return e.exitCode;
}

/** Stray fs errors become E_IO naming their path; anything else that is not a HoduError is a bug. */
function asHoduError(e: unknown): HoduError {
  if (e instanceof HoduError) return e;
  if (isFsError(e) && e.path) return ioError(e, e.path, actionOf(e.syscall));
  const message = e instanceof Error ? e.message : String(e);
  return new HoduError('E_INTERNAL', message, { cause: e });
}
