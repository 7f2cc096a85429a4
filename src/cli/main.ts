import type { ArgDef } from 'citty';
import { HoduError } from '../errors';
import { didYouMean } from '../util/did-you-mean';
import { VERSION } from '../version';
import { exitCodeOf, type HoduCommand } from './command';
import { commands } from './commands/index';
import { GLOBAL_FLAGS } from './shared-args';
import { setColorOverride } from './ui/colors';
import { err, out, outJson, printedJson } from './ui/output';
import { setVerbose } from './ui/verbose';

/**
 * Dispatches argv to a command and returns the exit code. Only this module (and the commands it runs)
 * prints; library code throws HoduError, rendered here in one line plus a hint.
 */
export async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  setVerbose(verbose);
  if (argv.includes('--no-color')) setColorOverride(false);
  else if (argv.includes('--color')) setColorOverride(true);
  const rest = argv
    .filter((a) => a !== '--verbose' && a !== '--no-color' && a !== '--color')
    // `-O2` reads like a compiler's flag; citty would split it into -O -2.
    .map((a) => (/^-O[0-9]$/.test(a) ? `--opt-level=${a.slice(2)}` : a));
  try {
    // Cheap path: no command module is loaded for --version.
    if (rest.length === 1 && (rest[0] === '--version' || rest[0] === '-V')) {
      out(`hodu ${VERSION}`);
      return 0;
    }
    // Hidden: the isolated plugin runner re-executes this binary as `hodu __plugin-child DIR`.
    if (rest[0] === '__plugin-child') return await (await import('../plugins/native/child')).runPluginChild(rest.slice(1));
    // Hidden: shell completion scripts ask `hodu __complete WORD...` for names only known at TAB time.
    if (rest[0] === '__complete') return (await import('./completions/complete-command')).runComplete(rest.slice(1));
    // Hidden: the background update check (src/update/notice.ts) runs detached as `hodu __update-check`.
    if (rest[0] === '__update-check') return (await import('../update/notice')).runUpdateCheck();
    const nameIndex = rest.findIndex((a) => !a.startsWith('-'));
    if (nameIndex < 0) {
      const { topLevelHelp } = await import('./help');
      out(await topLevelHelp());
      const bad = rest.find((a) => a !== '--help' && a !== '-h');
      if (bad) throw usageError(`unknown option '${bad}'`);
      return 0;
    }
    const name = rest[nameIndex]!;
    const entry = commands[name];
    if (!entry) {
      const guess = didYouMean(name, Object.keys(commands));
      throw usageError(`unknown command '${name}'`, guess ? `did you mean 'hodu ${guess}'?` : 'run `hodu --help` for the list of commands');
    }
    const cmd = await entry.load();
    const code = await dispatch([name], cmd, [...rest.slice(0, nameIndex), ...rest.slice(nameIndex + 1)]);
    // [update] check: a cached answer, read after the command; the network is only touched by a detached child.
    if (name !== 'self-update' && !rest.some((a) => a === '--json' || a === '--help' || a === '-h')) {
      const notice = await (await import('../update/notice')).updateNotice();
      if (notice) err(notice);
    }
    return code;
  } catch (e) {
    const error = normalizeCliError(e);
    // --json: scripts always get one JSON object on stdout, errors included (the line on stderr stays);
    // a command that printed its report before failing (plugin test, doctor) keeps that report as the one.
    if (rest.includes('--json') && !printedJson()) {
      const known = error instanceof HoduError;
      outJson({ error: { code: known ? error.code : 'E_INTERNAL', message: error instanceof Error ? error.message : String(error), hint: known ? error.hint : 'this is a bug in hodu; please report it' } });
    }
    const { renderError } = await import('./ui/render-error');
    return renderError(error, verbose);
  }
}

async function dispatch(path: string[], cmd: HoduCommand, args: string[]): Promise<number> {
  const subs = (typeof cmd.subCommands === 'function' ? await cmd.subCommands() : await cmd.subCommands) as Record<string, HoduCommand | (() => Promise<HoduCommand>)> | undefined;
  if (subs) {
    const i = args.findIndex((a) => !a.startsWith('-'));
    if (i >= 0) {
      const sub = subs[args[i]!];
      if (!sub) {
        const guess = didYouMean(args[i]!, Object.keys(subs));
        throw usageError(`unknown command 'hodu ${path.join(' ')} ${args[i]}'`, guess ? `did you mean 'hodu ${path.join(' ')} ${guess}'?` : `run \`hodu ${path.join(' ')} --help\``);
      }
      const resolved = typeof sub === 'function' ? await sub() : sub;
      return dispatch([...path, args[i]!], resolved, [...args.slice(0, i), ...args.slice(i + 1)]);
    }
  }
  if (args.includes('--help') || args.includes('-h') || (subs && !cmd.run)) {
    const { commandHelp } = await import('./help');
    out(await commandHelp(path.join(' '), cmd));
    return 0;
  }
  const defs = ((typeof cmd.args === 'function' ? await cmd.args() : await cmd.args) ?? {}) as Record<string, ArgDef>;
  checkFlags(path, defs, args);
  const { runCommand } = await import('citty');
  const { result } = await runCommand(cmd, { rawArgs: args });
  return exitCodeOf(result);
}

/** citty accepts any flag; hodu refuses unknown ones with a suggestion. */
function checkFlags(path: string[], defs: Record<string, ArgDef>, args: string[]): void {
  const known = new Set<string>(GLOBAL_FLAGS);
  for (const [name, def] of Object.entries(defs)) {
    if (def.type === 'positional') continue;
    known.add(name);
    const alias = 'alias' in def ? def.alias : undefined;
    for (const a of Array.isArray(alias) ? alias : alias ? [alias] : []) known.add(a);
  }
  const positionals = Object.values(defs).filter((d) => d.type === 'positional').length;
  let seenPositionals = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (!a.startsWith('-')) {
      seenPositionals++;
      if (seenPositionals > positionals) throw usageError(`unexpected argument '${a}' for 'hodu ${path.join(' ')}'`, `run \`hodu ${path.join(' ')} --help\``);
      continue;
    }
    let flag = a.replace(/^-+/, '').split('=')[0]!;
    if (flag.startsWith('no-') && !known.has(flag)) flag = flag.slice(3);
    if (!known.has(flag)) {
      const guess = didYouMean(flag, [...known].filter((k) => k.length > 1));
      throw usageError(`unknown option '${a.split('=')[0]}' for 'hodu ${path.join(' ')}'`, guess ? `did you mean '--${guess}'?` : `run \`hodu ${path.join(' ')} --help\``);
    }
    const def = defs[flag];
    if (def?.type === 'string' && !a.includes('=')) {
      // `--flag value`: the value must be there (a negative number counts as a value, another flag does not).
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('-') && !/^-\d/.test(next))) {
        throw usageError(`option '--${flag}' needs a value`, `e.g. --${flag} ${'valueHint' in def && def.valueHint ? `<${def.valueHint}>` : 'VALUE'}; run \`hodu ${path.join(' ')} --help\``);
      }
      i++;
    }
  }
}

function usageError(message: string, hint?: string): HoduError {
  return new HoduError('E_USAGE', message, { hint });
}

/** citty's own errors (missing positional, …) are usage errors. */
function normalizeCliError(e: unknown): unknown {
  if (e instanceof Error && e.name === 'CLIError') return usageError(e.message.replace(/^Missing required positional argument: (\w+)/, 'missing required argument <$1>'), 'see --help');
  return e;
}
