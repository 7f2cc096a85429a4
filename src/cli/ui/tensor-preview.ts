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
  const finite = (values as number[]).filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
  const max = finite.length ? Math.max(...finite) : 0;
  const min = finite.length ? Math.min(...finite) : 0;
  const scientific = max >= 1e8 || (min > 0 && min < 1e-4);
  return (v) => {
    const x = v as number;
    if (Number.isNaN(x)) return 'nan';
    if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
    if (scientific) return x.toExponential(4);
    const s = x.toFixed(4).replace(/0+$/, '');
    return s;
  };
}
