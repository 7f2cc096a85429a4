/**
 * mobilenet.onnx: [1,3,32,32] → Conv3x3/2 + Clip(0,6) → depthwise Conv3x3 (group=C) + BN + Clip →
 * pointwise Conv1x1 + BN → HardSwish → AveragePool → ReduceMean over H,W → Gemm → [1,10].
 */
import type { Model } from '../../src/ir/graph';
import { GraphBuilder, float, int, ints } from './builder';

export function buildMobilenet(): Model {
  const b = new GraphBuilder('mobilenet', 3);
  const zero = b.scalar('relu6.min', 0);
  const six = b.scalar('relu6.max', 6);
  // ReLU6 as Clip with min/max given as inputs (the opset ≥ 11 form).
  const relu6 = (x: string) => b.node('Clip', [x, zero, six]);
  const bn = (n: string, x: string, c: number) =>
    b.node('BatchNormalization', [x, b.around(`${n}.scale`, [c], 1, 0.1), b.around(`${n}.bias`, [c], 0, 0.1), b.around(`${n}.mean`, [c], 0, 0.1), b.around(`${n}.var`, [c], 1, 0.1)], {
      epsilon: float(1e-3),
    });
  let x = b.input('image', [1, 3, 32, 32]);
  x = b.node('Conv', [x, b.weight('stem.weight', [16, 3, 3, 3], 27), b.weight('stem.bias', [16], 27)], {
    kernel_shape: ints([3, 3]),
    pads: ints([1, 1, 1, 1]),
    strides: ints([2, 2]),
  });
  x = relu6(x); // [1,16,16,16]
  x = b.node('Conv', [x, b.weight('dw.weight', [16, 1, 3, 3], 9)], { group: int(16), kernel_shape: ints([3, 3]), pads: ints([1, 1, 1, 1]) });
  x = relu6(bn('dw.bn', x, 16));
  x = b.node('Conv', [x, b.weight('pw.weight', [32, 16, 1, 1], 16)], { kernel_shape: ints([1, 1]) });
  x = b.node('HardSwish', [bn('pw.bn', x, 32)]); // [1,32,16,16]
  x = b.node('AveragePool', [x], { kernel_shape: ints([2, 2]), strides: ints([2, 2]) }); // [1,32,8,8]
  x = b.node('ReduceMean', [x], { axes: ints([2, 3]), keepdims: int(0) }); // [1,32]
  x = b.node('Gemm', [x, b.weight('fc.weight', [10, 32], 32), b.weight('fc.bias', [10], 32)], { transB: int(1) });
  b.rename(x, 'logits');
  b.output('logits', [1, 10]);
  return b.model('A MobileNet-style block: depthwise separable convolution, ReLU6, HardSwish.');
}
