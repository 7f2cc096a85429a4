import type { Colors } from 'picocolors/types';

let forced: boolean | undefined;
let cached: Colors | undefined;

/** `--color` / `--no-color` from the command line win over the environment. */
export function setColorOverride(enabled: boolean | undefined): void {
  forced = enabled;
  cached = undefined;
}

/** Whether to colour stdout: NO_COLOR disables, FORCE_COLOR enables, otherwise only on a TTY. */
function colorEnabled(): boolean {
  if (forced !== undefined) return forced;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(process.stdout.isTTY);
}

/** picocolors bound to hodu's own decision (picocolors' own detection reads argv and CI variables). */
export async function colors(): Promise<Colors> {
  if (!cached) {
    const pc = await import('picocolors');
    cached = pc.createColors(colorEnabled());
  }
  return cached;
}
