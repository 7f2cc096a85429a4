/** mlp.onnx: [1,64] → Gemm(64→128)+Relu → Gemm(128→64)+Relu → Gemm(64→10) → Softmax. */
import type { Model } from '../../src/ir/graph';
import { GraphBuilder, int } from './builder';

export function buildMlp(): Model {
  const b = new GraphBuilder('mlp', 1);
  let x = b.input('input', [1, 64]);
  const dense = (n: string, i: number, o: number) => {
    // PyTorch Linear layout: W is [out, in], hence transB = 1.
    const w = b.weight(`${n}.weight`, [o, i], i);
    const bias = b.weight(`${n}.bias`, [o], i);
    return b.node('Gemm', [x, w, bias], { transB: int(1) });
  };
  x = b.node('Relu', [dense('fc1', 64, 128)]);
  x = b.node('Relu', [dense('fc2', 128, 64)]);
  x = dense('fc3', 64, 10);
  b.rename(b.node('Softmax', [x], { axis: int(-1) }), 'probs');
  b.output('probs', [1, 10]);
  return b.model('A 3-layer MLP classifier (hodu demo model).');
}
