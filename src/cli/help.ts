import type { ArgDef } from 'citty';
import type { HoduCommand } from './command';
import { commands } from './commands/index';
import { resolveSubCommands, resolveValue } from './lazy-commands';
import { colors } from './ui/colors';
import { table } from './ui/output';
import { VERSION } from '../version';

export async function topLevelHelp(): Promise<string> {
  const c = await colors();
  return [
    `hodu ${VERSION} — run, inspect and convert ML models (ONNX) from one binary, extended by plugins`,
    '',
    `${c.bold('USAGE')}  hodu <command> [options]`,
    '',
    c.bold('COMMANDS'),
    table(Object.entries(commands).map(([name, cmd]) => [c.cyan(name), cmd.description])),
    '',
    c.bold('GLOBAL OPTIONS'),
    table([
      ['-h, --help', 'Show help (also `hodu help <command>`, `hodu <command> --help`)'],
      ['-V, --version', 'Print the version'],
      ['--verbose', 'Show stack traces and details on errors'],
      ['--no-color', 'Disable colour (also NO_COLOR=1)'],
    ]),
    '',
    c.bold('EXAMPLES'),
    '  hodu run model.onnx --input input.npy',
    '  hodu inspect model.onnx',
    '  hodu plugin new my-backend --type backend --lang c',
    '  hodu doctor',
    '',
    `Exit codes: 0 ok, 1 failure, 2 usage error, 130 interrupted.`,
  ].join('\n');
}

/** Help for one command: usage, arguments, options with defaults, examples. */
export async function commandHelp(path: string, cmd: HoduCommand): Promise<string> {
  const c = await colors();
  const meta = (await resolveValue(cmd.meta)) ?? {};
  const args = ((await resolveValue(cmd.args)) ?? {}) as Record<string, ArgDef>;
  const positionals = Object.entries(args).filter(([, a]) => a.type === 'positional');
  const options = Object.entries(args).filter(([, a]) => a.type !== 'positional');
  const subs = await resolveSubCommands(cmd);
  const usage = [`hodu ${path}`, subs ? '<command>' : '', ...positionals.map(([n, a]) => (a.required === false ? `[${n.toUpperCase()}]` : `<${n.toUpperCase()}>`)), options.length ? '[options]' : '']
    .filter(Boolean)
    .join(' ');
  const lines = [meta.description ?? '', '', `${c.bold('USAGE')}  ${usage}`, ''];
  if (positionals.length) {
    lines.push(c.bold('ARGUMENTS'), table(positionals.map(([n, a]) => [n.toUpperCase(), a.description ?? ''])), '');
  }
  if (options.length) {
    lines.push(
      c.bold('OPTIONS'),
      table(options.map(([n, a]) => {
        const hint = a.type === 'string' ? ` <${('valueHint' in a && a.valueHint) || 'value'}>` : '';
        const alias = 'alias' in a && a.alias ? `-${a.alias}, ` : '';
        const def = a.default !== undefined && a.default !== false && a.default !== '' ? c.dim(` (default: ${a.default})`) : '';
        return [`${alias}--${n}${hint}`, (a.description ?? '') + def];
      })),
      '',
    );
  }
  if (subs) {
    const rows: string[][] = [];
    for (const [name, load] of Object.entries(subs)) {
      rows.push([c.cyan(name), ((await resolveValue((await load()).meta)) ?? {}).description ?? '']);
    }
    lines.push(c.bold('COMMANDS'), table(rows), '');
  }
  if (cmd.examples?.length) lines.push(c.bold('EXAMPLES'), ...cmd.examples.map((e) => `  ${e}`), '');
  return lines.join('\n').trimEnd();
}
