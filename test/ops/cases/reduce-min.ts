import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'axis 1', op: 'ReduceMin', opset: 18, inputs: [t('float32', [2, 3], [1, 9, 3, -4, -5, -6]), t('int64', [1], [1])], outputs: [t('float32', [2, 1], [1, -6])] },
  { name: 'axes attribute (opset 1)', op: 'ReduceMin', opset: 1, attrs: { axes: attr.ints([-1]), keepdims: attr.int(0) }, inputs: [t('float32', [2, 2], [1, 5, 3, 2])], outputs: [t('float32', [2], [1, 2])] },
  { name: 'empty reduction gives +inf', op: 'ReduceMin', opset: 18, inputs: [t('float32', [2, 0], []), t('int64', [1], [1])], outputs: [t('float32', [2, 1], [Infinity, Infinity])] },
  { name: 'uint8', op: 'ReduceMin', opset: 18, inputs: [t('uint8', [3], [200, 7, 255])], outputs: [t('uint8', [1], [7])] },
];
