import type { Dim } from '../ir/graph';
import { nodeError } from '../ir/node-error';
import { nodeLabel, type NodeRef } from '../ir/node-label';
import { broadcastDims } from './infer-util';
import { defineOp } from './schema';
import { HIGH_PRECISION } from './_types';

/** numpy.matmul output dims: 1-D operands are promoted then the added axis removed; batch dims broadcast. */
export function matmulDims(a: Dim[], b: Dim[], node: NodeRef): Dim[] {
  if (a.length === 0 || b.length === 0) throw nodeError(node, 'E_SHAPE', 'operands must have rank >= 1');
  const aa = a.length === 1 ? [1, a[0]!] : a;
  const bb = b.length === 1 ? [b[0]!, 1] : b;
  const ka = aa[aa.length - 1]!;
  const kb = bb[bb.length - 2]!;
  if (typeof ka === 'number' && typeof kb === 'number' && ka !== kb) {
    throw nodeError(node, 'E_SHAPE', `inner dimensions differ ([${a.join(',')}] x [${b.join(',')}])`,
      'the last dim of A must equal the second-to-last dim of B');
  }
  const batch = broadcastDims([aa.slice(0, -2), bb.slice(0, -2)], ` in ${nodeLabel(node)}`)!;
  const out = [...batch];
  if (a.length > 1) out.push(aa[aa.length - 2]!);
  if (b.length > 1) out.push(bb[bb.length - 1]!);
  return out;
}

// MatMul-1/9/13 differ only in the dtypes they admit (ints from 9, bfloat16 from 13).
export default defineOp({
  op: 'MatMul',
  sinceVersion: 1,
  versions: [1, 9, 13], types: { T: HIGH_PRECISION },
  inputs: [{ name: 'A', type: 'T' }, { name: 'B', type: 'T' }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: {},
  infer(ctx) {
    const [a, b] = ctx.inputs;
    const shape = a?.shape && b?.shape ? matmulDims(a.shape, b.shape, ctx.node) : undefined;
    return [{ dtype: a?.dtype, shape }];
  },
});
