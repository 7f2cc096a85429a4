import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'axis 1', op: 'ReduceL1', opset: 18, inputs: [t('float32', [2, 2], [1, -2, -3, 4]), t('int64', [1], [1])], outputs: [t('float32', [2, 1], [3, 7])] },
  { name: 'attribute (opset 13)', op: 'ReduceL1', opset: 13, attrs: { axes: attr.ints([0]), keepdims: attr.int(0) }, inputs: [t('int32', [2, 2], [1, -2, -3, 4])], outputs: [t('int32', [2], [4, 6])] },
  { name: 'empty gives 0', op: 'ReduceL1', opset: 18, inputs: [t('float32', [0], []), t('int64', [1], [0])], outputs: [t('float32', [1], [0])] },
];
