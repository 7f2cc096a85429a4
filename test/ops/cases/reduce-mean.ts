import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'axes input (opset 18)', op: 'ReduceMean', opset: 18, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('int64', [1], [1])], outputs: [t('float32', [2, 1], [2, 5])] },
  { name: 'axes attribute (opset 13)', op: 'ReduceMean', opset: 13, attrs: { axes: attr.ints([0]), keepdims: attr.int(0) }, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6])], outputs: [t('float32', [3], [2.5, 3.5, 4.5])] },
  { name: 'all axes by default', op: 'ReduceMean', opset: 13, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6])], outputs: [t('float32', [1, 1], [3.5])] },
  { name: 'several axes', op: 'ReduceMean', opset: 18, attrs: { keepdims: attr.int(0) }, inputs: [t('float32', [2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), t('int64', [2], [0, 2])], outputs: [t('float32', [2], [3.5, 5.5])] },
  { name: 'int32 truncates', op: 'ReduceMean', opset: 18, inputs: [t('int32', [2], [1, 2])], outputs: [t('int32', [1], [1])] },
];
