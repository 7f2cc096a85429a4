/**
 * resnet.onnx: input [N,3,32,32] (symbolic batch). Stem Conv3x3+BN+Relu, an identity residual block, a stride-2
 * block with a 1x1 projection shortcut, MaxPool, GlobalAveragePool, Flatten, Gemm → [N,10].
 */
import type { Model } from '../../src/ir/graph';
import { GraphBuilder, float, int, ints } from './builder';

export function buildResnet(): Model {
  const b = new GraphBuilder('resnet', 2);
  const conv = (n: string, x: string, cin: number, cout: number, k: number, stride: number) => {
    const w = b.weight(`${n}.weight`, [cout, cin, k, k], cin * k * k);
    const p = (k - 1) / 2;
    return b.node('Conv', [x, w], { kernel_shape: ints([k, k]), pads: ints([p, p, p, p]), strides: ints([stride, stride]) });
  };
  const bn = (n: string, x: string, c: number) =>
    b.node('BatchNormalization', [x, b.around(`${n}.scale`, [c], 1, 0.1), b.around(`${n}.bias`, [c], 0, 0.1), b.around(`${n}.mean`, [c], 0, 0.1), b.around(`${n}.var`, [c], 1, 0.1)], {
      epsilon: float(1e-5),
    });
  const block = (n: string, x: string, cin: number, cout: number, stride: number) => {
    let h = b.node('Relu', [bn(`${n}.bn1`, conv(`${n}.conv1`, x, cin, cout, 3, stride), cout)]);
    h = bn(`${n}.bn2`, conv(`${n}.conv2`, h, cout, cout, 3, 1), cout);
    const skip = stride === 1 && cin === cout ? x : conv(`${n}.proj`, x, cin, cout, 1, stride);
    return b.node('Relu', [b.node('Add', [h, skip])]);
  };
  let x = b.input('image', ['N', 3, 32, 32]);
  x = b.node('Relu', [bn('stem.bn', conv('stem.conv', x, 3, 16, 3, 1), 16)]); // [N,16,32,32]
  x = block('layer1', x, 16, 16, 1); // [N,16,32,32]
  x = block('layer2', x, 16, 32, 2); // [N,32,16,16]
  x = b.node('MaxPool', [x], { kernel_shape: ints([2, 2]), strides: ints([2, 2]) }); // [N,32,8,8]
  x = b.node('GlobalAveragePool', [x]); // [N,32,1,1]
  x = b.node('Flatten', [x], { axis: int(1) }); // [N,32]
  x = b.node('Gemm', [x, b.weight('fc.weight', [10, 32], 32), b.weight('fc.bias', [10], 32)], { transB: int(1) });
  b.rename(x, 'logits');
  b.output('logits', ['N', 10]);
  return b.model('A small ResNet-style CNN with two residual blocks.');
}
