import { isFloatDType } from '../../ir/dtype';
import { type Tensor, toNumbers } from '../../ir/tensor';

const EDGE = 3;
const SUMMARIZE_ABOVE = 1000;

/** numpy-style text of a tensor, summarized with `...` beyond 1000 elements (like numpy's threshold). */
export function previewTensor(t: Tensor): string {
  if (t.size === 0) return `[]`;
  const values: (number | string)[] = t.dtype === 'string' ? (t.data as string[]).map((s) => JSON.stringify(s)) : Array.from(toNumbers(t) as ArrayLike<number>);
  const fmt = formatter(t, values);
  const summarize = t.size > SUMMARIZE_ABOVE;
  const strides: number[] = [];
  let acc = 1;
  for (let i = t.dims.length - 1; i >= 0; i--) {
    strides[i] = acc;
    acc *= t.dims[i]!;
  }
  const cells = values.map((v) => fmt(v));
  const width = Math.max(...cells.map((c) => c.length));
  const pad = (s: string) => ' '.repeat(width - s.length) + s;
  const render = (axis: number, offset: number, indent: string): string => {
    if (t.dims.length === 0) return cells[0]!;
    const n = t.dims[axis]!;
    const picks = summarize && n > 2 * EDGE ? [...range(0, EDGE), -1, ...range(n - EDGE, n)] : range(0, n);
    if (axis === t.dims.length - 1) {
      return `[${picks.map((i) => (i < 0 ? '...' : pad(cells[offset + i]!))).join(' ')}]`;
    }
    const sep = '\n'.repeat(t.dims.length - axis - 1) + indent + ' ';
    return `[${picks.map((i) => (i < 0 ? '...' : render(axis + 1, offset + i * strides[axis]!, indent + ' '))).join(sep)}]`;
  };
  return render(0, 0, '');
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, i) => a + i);
}

function formatter(t: Tensor, values: (number | string)[]): (v: number | string) => string {
  if (t.dtype === 'string') return (v) => String(v);
  if (t.dtype === 'bool') return (v) => (v ? 'True' : 'False');
  if (!isFloatDType(t.dtype)) return (v) => String(v);
  const nums = values as number[];
  const finite = nums.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
  const max = finite.length ? Math.max(...finite) : 0;
  const min = finite.length ? Math.min(...finite) : 0;
  // numpy switches to scientific notation when the range is too wide to print in fixed point.
  if (max >= 1e8 || (min > 0 && min < 1e-4) || (min > 0 && max / min > 1e3 && max >= 1e3)) {
    return (v) => special(v as number) ?? (v as number).toExponential(4);
  }
  // Fixed point like numpy: up to PRECISION decimals, trailing zeros trimmed but the '.' kept, and
  // padded so the decimal points line up ("1.5", "0. ", "3.5").
  const fixed = (x: number) => x.toFixed(PRECISION).replace(/0+$/, '');
  const parts = nums.filter((x) => Number.isFinite(x)).map((x) => fixed(x).split('.'));
  const fracWidth = Math.max(0, ...parts.map((p) => p[1]!.length));
  return (v) => {
    const x = v as number;
    const s = special(x);
    if (s !== undefined) return s;
    const [int, frac] = fixed(x).split('.');
    return `${int}.${frac!.padEnd(fracWidth)}`;
  };
}

const PRECISION = 4;

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  return undefined;
}
