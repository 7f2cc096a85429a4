import type { ArgDef } from 'citty';
import type { HoduCommand } from '../command';
import { resolveSubCommands, resolveValue, type CommandTable } from '../lazy-commands';
import { HoduError } from '../../errors';
import { valueKindOf, type ValueKind } from './value-kinds';

export interface FlagSpec {
  /** Long or short names as typed, with dashes: ['--output', '-o']. The first is the canonical one. */
  names: string[];
  description: string;
  takesValue: boolean;
  value: ValueKind;
}

interface PositionalSpec {
  name: string;
  description: string;
  value: ValueKind;
}

/** One command of the tree as the completion generators see it (plain data, no citty). */
export interface CommandNode {
  name: string;
  /** Words after `hodu` that select this command ([] for the root). */
  path: string[];
  description: string;
  flags: FlagSpec[];
  positionals: PositionalSpec[];
  subcommands: CommandNode[];
}

/** Flags the dispatcher accepts on every command (src/cli/main.ts). */
const COMMON_FLAGS: FlagSpec[] = [
  { names: ['--help', '-h'], description: 'Show help', takesValue: false, value: { kind: 'none' } },
  { names: ['--verbose'], description: 'Show stack traces and details on errors', takesValue: false, value: { kind: 'none' } },
  { names: ['--no-color'], description: 'Disable colour (also NO_COLOR=1)', takesValue: false, value: { kind: 'none' } },
];
const ROOT_FLAGS: FlagSpec[] = [...COMMON_FLAGS, { names: ['--version', '-V'], description: 'Print the version', takesValue: false, value: { kind: 'none' } }];

/** Hidden commands are dispatched by main.ts before the map; they never appear in completions. */
const isHidden = (name: string) => name.startsWith('__');

// Every name that goes into a shell script unquoted must be a plain word, so a strange flag name cannot
// turn into shell code.
const SAFE_WORD = /^[A-Za-z0-9@/._+-]+$/;
function checkWord(word: string, where: string): string {
  if (!SAFE_WORD.test(word)) throw new HoduError('E_COMPLETION_TREE', `cannot generate completions: ${where} '${word}' has characters a shell word cannot hold`, { hint: 'use letters, digits, dashes and dots in command, flag and choice names' });
  return word;
}

function flagNames(name: string, def: ArgDef): string[] {
  const alias = 'alias' in def ? def.alias : undefined;
  const aliases = Array.isArray(alias) ? alias : alias ? [alias] : [];
  return [name, ...aliases].map((n) => checkWord(n.length === 1 ? `-${n}` : `--${n}`, 'flag'));
}

async function buildNode(name: string, path: string[], cmd: HoduCommand, fallbackDescription: string): Promise<CommandNode> {
  const meta = (await resolveValue(cmd.meta)) ?? {};
  const args = ((await resolveValue(cmd.args)) ?? {}) as Record<string, ArgDef>;
  const flags: FlagSpec[] = [];
  const positionals: PositionalSpec[] = [];
  for (const [argName, def] of Object.entries(args)) {
    const value = valueKindOf(path, argName, def);
    if (value.kind === 'choices') value.values.forEach((c) => checkWord(c, `choice of ${argName}`));
    if (def.type === 'positional') positionals.push({ name: argName, description: def.description ?? '', value });
    else flags.push({ names: flagNames(argName, def), description: def.description ?? '', takesValue: def.type === 'string', value });
  }
  const subs = (await resolveSubCommands(cmd)) ?? {};
  const subcommands: CommandNode[] = [];
  for (const [subName, load] of Object.entries(subs)) {
    if (isHidden(subName)) continue;
    subcommands.push(await buildNode(checkWord(subName, 'command'), [...path, subName], await load(), ''));
  }
  return { name, path, description: meta.description ?? fallbackDescription, flags: [...flags, ...COMMON_FLAGS], positionals, subcommands };
}

/**
 * The whole command tree, read from the same citty definitions the dispatcher runs (the table in
 * src/cli/commands/index.ts and each command's args and subCommands): the one source of truth.
 */
export async function loadCommandTree(map: CommandTable): Promise<CommandNode> {
  const subcommands: CommandNode[] = [];
  for (const [name, entry] of Object.entries(map)) {
    if (isHidden(name)) continue;
    subcommands.push(await buildNode(checkWord(name, 'command'), [name], await entry.load(), entry.description));
  }
  return { name: 'hodu', path: [], description: 'hodu', flags: ROOT_FLAGS, positionals: [], subcommands };
}

/** Every node, parents before children. */
export function flattenTree(root: CommandNode): CommandNode[] {
  return [root, ...root.subcommands.flatMap(flattenTree)];
}
