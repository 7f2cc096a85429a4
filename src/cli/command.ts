import type { ArgsDef, CommandDef } from 'citty';

/** A citty command plus the examples shown at the end of its --help. */
export type HoduCommand<T extends ArgsDef = ArgsDef> = CommandDef<T> & { examples?: string[] };

export function defineHoduCommand<T extends ArgsDef>(def: HoduCommand<T>): HoduCommand<T> {
  return def;
}
