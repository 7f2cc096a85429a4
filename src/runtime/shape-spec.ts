import { HoduError } from '../errors';

/** Parses `NAME=1x3x640x640` (also `NAME=1,3,640,640`; `NAME=` for a scalar). */
export function parseShapeOverride(spec: string): { name: string; dims: number[] } {
  const eq = spec.lastIndexOf('=');
  if (eq <= 0) {
    throw new HoduError('E_USAGE', `--shape '${spec}' is not NAME=DIMS`, { hint: 'example: --shape images=1x3x640x640' });
  }
  const name = spec.slice(0, eq);
  const text = spec.slice(eq + 1).trim();
  // An empty dim (`1x64x`, `1,,3`) is a typo, not a 0: Number('') would make it one.
  const dims = text === '' ? [] : text.split(/[x,]/).map((d) => (d.trim() === '' ? NaN : Number(d)));
  if (dims.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new HoduError('E_USAGE', `--shape '${spec}': dims must be non-negative integers`, { hint: 'example: --shape images=1x3x640x640' });
  }
  return { name, dims };
}
