import { HoduError } from '../errors';
import type { Dim } from '../ir/graph';
import { nodeLabel } from '../ir/node-label';
import type { InferContext, InferInput, InferOutput } from './schema';

/** numpy broadcasting over possibly-symbolic dims; undefined if any rank is unknown. */
export function broadcastDims(shapes: (Dim[] | undefined)[], where = ''): Dim[] | undefined {
  if (shapes.some((s) => s === undefined)) return undefined;
  const rank = shapes.reduce((r, s) => Math.max(r, s!.length), 0); // not Math.max(...): variadic ops have unbounded inputs
  const out: Dim[] = [];
  for (let i = 0; i < rank; i++) {
    let d: Dim = 1;
    for (const s of shapes) {
      const k = s!.length - rank + i;
      if (k < 0) continue;
      const x = s![k]!;
      if (x === 1) continue;
      if (d === 1) d = x;
      else if (typeof d === 'number' && typeof x === 'number' && d !== x) {
        throw new HoduError('E_SHAPE', `cannot broadcast shapes ${shapes.map((s) => `[${s!.join(',')}]`).join(' and ')}${where}`);
      } else if (typeof d === 'string' && typeof x === 'number') d = x;
    }
    out.push(d);
  }
  return out;
}

/** Inference for elementwise ops whose output dtype equals the first input's dtype. */
export function inferBroadcastSameType(ctx: InferContext): InferOutput[] {
  const ins = ctx.inputs.filter((i): i is InferInput => i !== undefined);
  return [{ dtype: ins[0]?.dtype, shape: broadcastDims(ins.map((i) => i.shape), ` in ${nodeLabel(ctx.node)}`) }];
}

/** Inference for elementwise ops producing bool (comparisons). */
export function inferBroadcastBool(ctx: InferContext): InferOutput[] {
  const [o] = inferBroadcastSameType(ctx);
  return [{ dtype: 'bool', shape: o!.shape }];
}

/** Inference for unary ops: same dtype and shape as input 0. */
export function inferSameAsInput(ctx: InferContext): InferOutput[] {
  const x = ctx.inputs[0];
  return [{ dtype: x?.dtype, shape: x?.shape?.slice() }];
}

