import { fromNumbers, stridesOf, type Tensor, toNumbers } from '../../../ir/tensor';
import { labelSizes, planEinsum } from '../../../ops/einsum';
import { defineKernel, tensorInput } from '../kernel';

// Generic einsum: one odometer over all labels (output labels outer, summed labels inner); every operand
// keeps a running offset moved by its per-label stride (0 for broadcast dims, summed strides for diagonals).
export default defineKernel('Einsum', (inputs, ctx) => {
  const ts: Tensor[] = inputs.map((_, i) => tensorInput(inputs, i, ctx));
  const plan = planEinsum(ctx.attr<string>('equation'), ts.map((t) => t.rank), ctx.node);
  const sizes = labelSizes(plan, ts.map((t) => [...t.dims]), ctx.node) as Map<string, number>;
  const summed = [...sizes.keys()].filter((l) => !plan.output.includes(l));
  const labels = [...plan.output, ...summed];
  const extents = labels.map((l) => sizes.get(l)!);
  const nOps = ts.length;
  // strides[op][labelIndex]: how far operand op's offset moves when that label advances by one.
  const strides = ts.map((t, i) => {
    const s = stridesOf(t.dims);
    return labels.map((l) => plan.terms[i]!.reduce((acc, tl, k) => (tl === l && t.dims[k] !== 1 ? acc + s[k]! : acc), 0));
  });
  const vals = ts.map(toNumbers);
  const outDims = plan.output.map((l) => sizes.get(l)!);
  const outSize = outDims.reduce((a, b) => a * b, 1);
  const sumSize = summed.reduce((a, l) => a * sizes.get(l)!, 1);
  const out = new Float64Array(outSize);
  const total = outSize * sumSize;
  const counter = new Array<number>(labels.length).fill(0);
  const offs = new Array<number>(nOps).fill(0);
  if (total > 0) {
    for (let k = 0; k < total; k++) {
      let prod = 1;
      for (let i = 0; i < nOps; i++) prod *= vals[i]![offs[i]!]!;
      // Output labels are the outer digits, so the flat output index is k / sumSize.
      out[Math.floor(k / sumSize)] += prod;
      for (let a = labels.length - 1; a >= 0; a--) {
        counter[a]!++;
        for (let i = 0; i < nOps; i++) offs[i] += strides[i]![a]!;
        if (counter[a]! < extents[a]!) break;
        for (let i = 0; i < nOps; i++) offs[i] -= strides[i]![a]! * extents[a]!;
        counter[a] = 0;
      }
    }
  }
  return [fromNumbers(ts[0]!.dtype, outDims, out)];
});
