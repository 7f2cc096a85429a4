import type { DType } from '../../../ir/dtype';
import { fromNumbers, sizeOf, type Tensor, toNumbers } from '../../../ir/tensor';
import { broadcastIndex, broadcastShape } from './broadcast';

/**
 * Applies `fn` elementwise over numpy-broadcast inputs, computing in JS doubles and storing as `outDtype`
 * (float16/bfloat16 rounded, integers truncated). `where` names the node in shape errors.
 */
export function mapBroadcast(inputs: readonly Tensor[], outDtype: DType, fn: (...xs: number[]) => number, where = ''): Tensor {
  const outDims = broadcastShape(inputs.map((t) => t.dims), where);
  const n = sizeOf(outDims);
  const vals = inputs.map(toNumbers);
  const idx = inputs.map((t) => broadcastIndex(t.dims, outDims));
  const out = new Float64Array(n);
  if (inputs.length === 2) {
    const a = vals[0]!;
    const b = vals[1]!;
    const [ia, ib] = idx;
    for (let i = 0; i < n; i++) out[i] = fn(a[ia ? ia[i]! : i]!, b[ib ? ib[i]! : i]!);
  } else {
    const args = new Array<number>(inputs.length);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < vals.length; k++) args[k] = vals[k]![idx[k] ? idx[k]![i]! : i]!;
      out[i] = fn(...args);
    }
  }
  return fromNumbers(outDtype, outDims, out);
}
