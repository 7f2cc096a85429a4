import { isFloatDType } from '../../ir/dtype';
import { type Tensor, toNumbers } from '../../ir/tensor';

const EDGE = 3;
const SUMMARIZE_ABOVE = 1000;
const PRECISION = 4;

/**
 * numpy-style text of a tensor, summarized with `...` beyond 1000 elements (numpy's threshold). Only the
 * elements that are shown are formatted, so a preview of a huge output stays cheap.
 */
export function previewTensor(t: Tensor): string {
  if (t.size === 0) return `[]`;
  const strides: number[] = [];
  let acc = 1;
  for (let i = t.dims.length - 1; i >= 0; i--) {
    strides[i] = acc;
    acc *= t.dims[i]!;
  }
  const summarize = t.size > SUMMARIZE_ABOVE;
  const picksOf = (n: number): number[] => (summarize && n > 2 * EDGE ? [...range(0, EDGE), -1, ...range(n - EDGE, n)] : range(0, n));
  // The flat indices that will be printed, in order.
  const shown: number[] = [];
  const collect = (axis: number, offset: number) => {
    if (axis === t.dims.length) return void shown.push(offset);
    for (const i of picksOf(t.dims[axis]!)) if (i >= 0) collect(axis + 1, offset + i * strides[axis]!);
  };
  collect(0, 0);
  const raw: (number | string)[] = t.dtype === 'string' ? [] : (toNumbers(t) as unknown as number[]);
  const value = (i: number): number | string => (t.dtype === 'string' ? JSON.stringify((t.data as string[])[i]) : raw[i]!);
  const fmt = formatter(t, shown.map(value));
  const cells = new Map<number, string>(shown.map((i) => [i, fmt(value(i))]));
  let width = 0;
  for (const c of cells.values()) width = Math.max(width, c.length);
  const pad = (s: string) => ' '.repeat(width - s.length) + s;
  const render = (axis: number, offset: number, indent: string): string => {
    if (t.dims.length === 0) return cells.get(0)!;
    const picks = picksOf(t.dims[axis]!);
    if (axis === t.dims.length - 1) return `[${picks.map((i) => (i < 0 ? '...' : pad(cells.get(offset + i)!))).join(' ')}]`;
    const sep = '\n'.repeat(t.dims.length - axis - 1) + indent + ' ';
    return `[${picks.map((i) => (i < 0 ? '...' : render(axis + 1, offset + i * strides[axis]!, indent + ' '))).join(sep)}]`;
  };
  return render(0, 0, '');
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, i) => a + i);
}

/** Chooses the number format from the shown values, as numpy does from the printed ones. */
function formatter(t: Tensor, values: (number | string)[]): (v: number | string) => string {
  if (t.dtype === 'string') return (v) => String(v);
  if (t.dtype === 'bool') return (v) => (v ? 'True' : 'False');
  if (!isFloatDType(t.dtype)) return (v) => String(v);
  let max = 0;
  let min = Infinity;
  for (const v of values as number[]) {
    if (!Number.isFinite(v) || v === 0) continue;
    max = Math.max(max, Math.abs(v));
    min = Math.min(min, Math.abs(v));
  }
  if (min === Infinity) min = 0;
  // numpy switches to scientific notation when the range is too wide to print in fixed point.
  if (max >= 1e8 || (min > 0 && min < 1e-4) || (min > 0 && max / min > 1e3 && max >= 1e3)) {
    return (v) => special(v as number) ?? (v as number).toExponential(PRECISION);
  }
  // Fixed point like numpy: up to PRECISION decimals, trailing zeros trimmed but the '.' kept, and
  // padded so the decimal points line up ("1.5", "0. ", "3.5").
  const fixed = (x: number) => x.toFixed(PRECISION).replace(/0+$/, '');
  let fracWidth = 0;
  for (const v of values as number[]) if (Number.isFinite(v)) fracWidth = Math.max(fracWidth, fixed(v).split('.')[1]!.length);
  return (v) => {
    const x = v as number;
    const s = special(x);
    if (s !== undefined) return s;
    const [int, frac] = fixed(x).split('.');
    return `${int}.${frac!.padEnd(fracWidth)}`;
  };
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  return undefined;
}
