import type { ArgDef } from 'citty';
import { didYouMean } from '../util/did-you-mean';
import { VERSION } from '../version';
import { checkArgs, fillBareValues, joinNegativeValues, missingCommand, unknownCommand, usageError } from './check-args';
import { exitCodeOf, type HoduCommand } from './command';
import { commands } from './commands/index';
import { resolveSubCommands, resolveValue, type CommandData } from './lazy-commands';
import { setColorOverride } from './ui/colors';
import { err, out, outJson } from './ui/output';
import { setVerbose } from './ui/verbose';

/** Flags that mean something before any command: `hodu --help`, `hodu --version [--json]`. */
const TOP_FLAGS = ['--help', '-h', '--version', '-V', '--json'];

/**
 * Dispatches argv to a command and returns the exit code. Only this module (and the commands it runs)
 * prints; library code throws HoduError, rendered here in one line plus a hint (and, with --json, as
 * `{"error": …}` on stdout too, so a script that parses stdout sees the failure).
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
  const beforeDashes = rest.indexOf('--') < 0 ? rest : rest.slice(0, rest.indexOf('--'));
  const json = beforeDashes.some((a) => a === '--json' || a === '--json=true');
  try {
    // Cheap path: no command module is loaded for --version.
    if (rest.length === 1 && (rest[0] === '--version' || rest[0] === '-V')) {
      out(`hodu ${VERSION}`);
      return 0;
    }
    // Hidden: the isolated plugin runner re-executes this binary as `hodu __plugin-child DIR`.
    if (rest[0] === '__plugin-child') return await (await import('../plugins/native/child')).runPluginChild(rest.slice(1));
    // Hidden: shell completion scripts ask `hodu __complete WORD...` for names only known at TAB time.
    if (rest[0] === '__complete') return (await import('./completions/complete-command')).runComplete(rest.slice(1), commands);
    // Hidden: the background update check (src/update/notice.ts) runs detached as `hodu __update-check`.
    if (rest[0] === '__update-check') return (await import('../update/notice')).runUpdateCheck();
    const nameIndex = rest.findIndex((a) => !a.startsWith('-'));
    if (nameIndex < 0) return await topLevel(rest, json);
    const name = rest[nameIndex]!;
    const others = [...rest.slice(0, nameIndex), ...rest.slice(nameIndex + 1)];
    if (name === 'help') return await helpCommand(others);
    const entry = commands[name];
    if (!entry) throw unknownCommand([], name, [...Object.keys(commands), 'help']);
    const code = await dispatch([name], await entry.load(), others);
    // [update] check: a cached answer, read after the command; the network is only touched by a detached child.
    if (name !== 'self-update' && !json && !rest.some((a) => a === '--help' || a === '-h')) {
      const notice = await (await import('../update/notice')).updateNotice();
      if (notice) err(notice);
    }
    return code;
  } catch (e) {
    const { renderError } = await import('./ui/render-error');
    return renderError(normalizeCliError(e), { verbose, json });
  }
}

/** No command: `hodu`, `hodu --help`, `hodu --version [--json]`; anything else is a usage error, never a help dump. */
async function topLevel(flags: string[], json: boolean): Promise<number> {
  for (const f of flags) {
    if (TOP_FLAGS.includes(f) || f === '--json=true') continue;
    const flag = f.split('=')[0]!;
    const guess = didYouMean(flag.replace(/^-+/, ''), ['help', 'version', 'verbose', 'no-color', 'color']);
    throw usageError(`unknown option '${flag}' for 'hodu'`, guess ? `did you mean '--${guess}'?` : 'options of a command go after it, e.g. `hodu run --help`; run `hodu --help`');
  }
  if (flags.includes('--version') || flags.includes('-V')) {
    if (!json) {
      out(`hodu ${VERSION}`);
      return 0;
    }
    const { versionInfo } = await import('../version');
    outJson(versionInfo());
    return 0;
  }
  if (json && !flags.includes('--help') && !flags.includes('-h')) {
    throw usageError("'--json' needs a command", 'e.g. `hodu version --json` or `hodu plugin list --json`');
  }
  const { topLevelHelp } = await import('./help');
  out(await topLevelHelp());
  return 0;
}

/** `hodu help`, `hodu help plugin install`: the same text as `--help`. */
async function helpCommand(words: string[]): Promise<number> {
  const path = words.filter((w) => !w.startsWith('-'));
  if (path.length === 0) {
    const { topLevelHelp } = await import('./help');
    out(await topLevelHelp());
    return 0;
  }
  const entry = commands[path[0]!];
  if (!entry) throw unknownCommand([], path[0]!, Object.keys(commands));
  let cmd = await entry.load();
  for (let i = 1; i < path.length; i++) {
    const subs = await resolveSubCommands(cmd);
    const sub = subs?.[path[i]!];
    if (!sub) throw unknownCommand(path.slice(0, i), path[i]!, Object.keys(subs ?? {}));
    cmd = await sub();
  }
  const { commandHelp } = await import('./help');
  out(await commandHelp(path.join(' '), cmd));
  return 0;
}

async function dispatch(path: string[], cmd: HoduCommand, args: string[]): Promise<number> {
  const subs = await resolveSubCommands(cmd);
  const wantsHelp = args.includes('--help') || args.includes('-h');
  if (subs) {
    const i = args.findIndex((a) => !a.startsWith('-'));
    if (i >= 0) {
      const sub = subs[args[i]!];
      if (!sub) throw unknownCommand(path, args[i]!, Object.keys(subs));
      return dispatch([...path, args[i]!], await sub(), [...args.slice(0, i), ...args.slice(i + 1)]);
    }
    if (!cmd.run && !wantsHelp) throw missingCommand(path, Object.keys(subs));
  }
  if (wantsHelp) {
    const { commandHelp } = await import('./help');
    out(await commandHelp(path.join(' '), cmd));
    return 0;
  }
  const defs = ((await resolveValue(cmd.args)) ?? {}) as Record<string, ArgDef>;
  const argv = fillBareValues(defs, cmd.bareValues, args);
  checkArgs(path, defs, argv);
  const { runCommand } = await import('citty');
  const data: CommandData = { commands };
  const { result } = await runCommand(cmd, { rawArgs: joinNegativeValues(defs, argv), data });
  return exitCodeOf(result);
}

/** citty's own errors (should checkArgs miss one) are usage errors. */
function normalizeCliError(e: unknown): unknown {
  if (e instanceof Error && e.name === 'CLIError') return usageError(e.message, 'run `hodu --help` or `hodu help COMMAND`');
  return e;
}
