import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel } from '../kernel';
import { numericInput } from '../util/unary';

/** Determinant of the n×n row-major matrix `a` (overwritten): LU with partial pivoting, in float64. */
function determinant(a: Float64Array, n: number): number {
  let det = 1;
  for (let col = 0; col < n; col++) {
    // The largest remaining pivot keeps the elimination stable.
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
    const p = a[pivot * n + col]!;
    if (p === 0) return 0;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        const tmp = a[col * n + k]!;
        a[col * n + k] = a[pivot * n + k]!;
        a[pivot * n + k] = tmp;
      }
      det = -det;
    }
    det *= p;
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col]! / p;
      if (f === 0) continue;
      for (let k = col + 1; k < n; k++) a[r * n + k] = a[r * n + k]! - f * a[col * n + k]!;
    }
  }
  return det;
}

export default defineKernel('Det', (inputs, ctx) => {
  const x = numericInput(inputs, 0, ctx);
  const n = x.dims[x.rank - 1]!;
  if (x.rank < 2 || x.dims[x.rank - 2] !== n) {
    throw nodeError(ctx.node, 'E_SHAPE', `input must be [*, M, M], got [${x.dims.join(',')}]`);
  }
  const v = toNumbers(x);
  const batchDims = x.dims.slice(0, -2);
  const out = new Float64Array(batchDims.reduce((a, d) => a * d, 1));
  const m = new Float64Array(n * n);
  for (let b = 0; b < out.length; b++) {
    for (let k = 0; k < n * n; k++) m[k] = v[b * n * n + k]!;
    out[b] = determinant(m, n); // the empty matrix (n = 0) has determinant 1
  }
  return [fromNumbers(x.dtype, batchDims, out)];
});
