/** Durations in config: "24h", "30m", "90s", "7d", "500ms", "1w"; "0" means never. */
const UNITS: Record<string, number> = { ms: 1, s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 };

/** Milliseconds for a duration string; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  if (text.trim() === '0') return 0;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/.exec(text);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNITS[m[2]!]!);
}

export const DURATION_EXAMPLES = '"24h", "30m", "7d" or "0" (never)';
