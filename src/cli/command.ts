import type { ArgsDef, CommandDef } from 'citty';

/**
 * A citty command plus the examples shown at the end of its --help, and `bareValues`: string options that may
 * also be given without a value, with the value that means (check-args.ts fillBareValues).
 */
export type HoduCommand<T extends ArgsDef = ArgsDef> = CommandDef<T> & { examples?: string[]; bareValues?: Record<string, string> };

export function defineHoduCommand<T extends ArgsDef>(def: HoduCommand<T>): HoduCommand<T> {
  return def;
}

const EXIT = Symbol('hodu.exit');

/**
 * Returned from a command's run(): exit with `code` without printing an error. For answers that are a
 * status, not a failure: `hodu config get KEY` of an unset key exits 1 with nothing printed (as `git config`).
 */
export function exitWith(code: number): { [EXIT]: number } {
  return { [EXIT]: code };
}

/** The exit code a command's run() asked for with exitWith, else 0. */
export function exitCodeOf(result: unknown): number {
  return result !== null && typeof result === 'object' && EXIT in result ? (result as { [EXIT]: number })[EXIT] : 0;
}
