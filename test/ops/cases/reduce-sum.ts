import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'axes input, keepdims', op: 'ReduceSum', opset: 13, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('int64', [1], [1])], outputs: [t('float32', [2, 1], [6, 15])] },
  { name: 'no axes reduces all', op: 'ReduceSum', opset: 13, attrs: { keepdims: attr.int(0) }, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6])], outputs: [t('float32', [], [21])] },
  { name: 'negative axis, keepdims=0', op: 'ReduceSum', opset: 13, attrs: { keepdims: attr.int(0) }, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('int64', [1], [-2])], outputs: [t('float32', [3], [5, 7, 9])] },
  { name: 'empty axes with noop is identity', op: 'ReduceSum', opset: 13, attrs: { noop_with_empty_axes: attr.int(1) }, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('int64', [0], [])], outputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6])] },
  { name: 'axes attribute (opset 11)', op: 'ReduceSum', opset: 11, attrs: { axes: attr.ints([0]), keepdims: attr.int(0) }, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6])], outputs: [t('float32', [3], [5, 7, 9])] },
  { name: 'zero-size axis sums to 0', op: 'ReduceSum', opset: 13, inputs: [t('float32', [2, 0], []), t('int64', [1], [1])], outputs: [t('float32', [2, 1], [0, 0])] },
  { name: 'int64 exact', op: 'ReduceSum', opset: 13, attrs: { keepdims: attr.int(0) }, inputs: [t('int64', [2], [9007199254740992n, 1n])], outputs: [t('int64', [], [9007199254740993n])] },
  { name: 'axis out of range', op: 'ReduceSum', opset: 13, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('int64', [1], [2])], throws: 'E_ATTR' },
];
