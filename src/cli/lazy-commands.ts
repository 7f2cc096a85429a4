import type { CommandDef, Resolvable } from 'citty';
import type { HoduCommand } from './command';

/** A command loaded on first use: startup imports no command module it does not run. */
type LazyCommand = () => Promise<HoduCommand>;

/** The top-level commands: a description (for `hodu --help` without loading them) and a loader each. */
export type CommandTable = Record<string, { description: string; load: LazyCommand }>;

/**
 * What main.ts hands every command's run() as citty's `data`: the command table, for the commands that
 * describe the CLI itself (completions), which could not import the table that lists them without a cycle.
 */
export interface CommandData {
  commands: CommandTable;
}

type CommandModule = () => Promise<{ default: unknown }>;

/** `() => import('./run')` → a loader of that file's default-exported command. */
export function lazyCommand(load: CommandModule): LazyCommand {
  return async () => (await load()).default as HoduCommand;
}

/** The sub-command map of a command, one lazy import per file: `lazyCommands({ list: () => import('./list') })`. */
export function lazyCommands<K extends string>(modules: Record<K, CommandModule>): Record<K, LazyCommand> {
  const map = {} as Record<K, LazyCommand>;
  for (const name of Object.keys(modules) as K[]) map[name] = lazyCommand(modules[name]);
  return map;
}

/** A citty field (meta, args, subCommands, a sub-command) in any of the forms citty accepts, resolved. */
export async function resolveValue<T>(v: Resolvable<T> | undefined): Promise<T | undefined> {
  return typeof v === 'function' ? await (v as () => T | Promise<T>)() : await v;
}

/**
 * A command's sub-commands, each as a loader (whatever form the command declared them in); undefined
 * when it has none. Dispatch, help and completions all read sub-commands through this.
 */
export async function resolveSubCommands(cmd: HoduCommand): Promise<Record<string, LazyCommand> | undefined> {
  const subs = await resolveValue(cmd.subCommands);
  if (!subs) return undefined;
  const map: Record<string, LazyCommand> = {};
  for (const [name, sub] of Object.entries(subs)) {
    map[name] = async () => (await resolveValue<CommandDef<any>>(sub)) as HoduCommand;
  }
  return map;
}
