/**
 * transformer.onnx: one encoder block over [1,16,64] (seq 16, model dim 64, 4 heads of 16): multi-head
 * self-attention, residual + LayerNormalization, an FFN (64→128→64) with erf-GELU, residual + LayerNormalization.
 */
import type { Model } from '../../src/ir/graph';
import { GraphBuilder, float, int, ints } from './builder';

const SEQ = 16;
const D = 64;
const HEADS = 4;
const HD = D / HEADS;
const FF = 128;

export function buildTransformer(): Model {
  const b = new GraphBuilder('transformer', 4);
  const linear = (n: string, x: string, i: number, o: number) =>
    b.node('Add', [b.node('MatMul', [x, b.weight(`${n}.weight`, [i, o], i)]), b.weight(`${n}.bias`, [o], i)]);
  const layerNorm = (n: string, x: string) =>
    b.node('LayerNormalization', [x, b.around(`${n}.gamma`, [D], 1, 0.1), b.around(`${n}.beta`, [D], 0, 0.1)], {
      axis: int(-1),
      epsilon: float(1e-5),
    });
  const headsShape = b.shape('heads_shape', [1, SEQ, HEADS, HD]);
  const modelShape = b.shape('model_shape', [1, SEQ, D]);
  const split = (x: string, perm: number[]) => b.node('Transpose', [b.node('Reshape', [x, headsShape])], { perm: ints(perm) });

  const x = b.input('x', [1, SEQ, D]);
  const q = split(linear('q', x, D, D), [0, 2, 1, 3]); // [1,4,16,16]
  const kT = split(linear('k', x, D, D), [0, 2, 3, 1]); // [1,4,16,16] = K^T per head
  const v = split(linear('v', x, D, D), [0, 2, 1, 3]);
  const scores = b.node('Div', [b.node('MatMul', [q, kT]), b.scalar('sqrt_head_dim', Math.sqrt(HD))]);
  const probs = b.node('Softmax', [scores], { axis: int(-1) });
  const ctx = b.node('Transpose', [b.node('MatMul', [probs, v])], { perm: ints([0, 2, 1, 3]) }); // [1,16,4,16]
  const attn = linear('attn_out', b.node('Reshape', [ctx, modelShape]), D, D);
  const h1 = layerNorm('ln1', b.node('Add', [x, attn]));

  // GELU(h) = 0.5 * h * (1 + erf(h / sqrt(2))), spelled out because Gelu is an opset-20 op.
  const f = linear('ff1', h1, D, FF);
  const erf = b.node('Erf', [b.node('Div', [f, b.scalar('sqrt2', Math.SQRT2)])]);
  const gelu = b.node('Mul', [b.node('Mul', [f, b.node('Add', [erf, b.scalar('one', 1)])]), b.scalar('half', 0.5)]);
  const ff = linear('ff2', gelu, FF, D);
  b.rename(layerNorm('ln2', b.node('Add', [h1, ff])), 'y');
  b.output('y', [1, SEQ, D]);
  return b.model('One transformer encoder block (4-head self-attention + GELU FFN).');
}
