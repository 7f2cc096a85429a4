import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'axis 1', op: 'ReduceMax', opset: 18, inputs: [t('float32', [2, 3], [1, 9, 3, -4, -5, -6]), t('int64', [1], [1])], outputs: [t('float32', [2, 1], [9, -4])] },
  { name: 'axes attribute (opset 13)', op: 'ReduceMax', opset: 13, attrs: { axes: attr.ints([0]), keepdims: attr.int(0) }, inputs: [t('float32', [2, 2], [1, 5, 3, 2])], outputs: [t('float32', [2], [3, 5])] },
  { name: 'empty reduction gives -inf', op: 'ReduceMax', opset: 18, inputs: [t('float32', [0, 2], []), t('int64', [1], [0])], outputs: [t('float32', [1, 2], [-Infinity, -Infinity])] },
  { name: 'empty int32 reduction gives the dtype minimum', op: 'ReduceMax', opset: 18, inputs: [t('int32', [0], []), t('int64', [1], [0])], outputs: [t('int32', [1], [-2147483648])] },
  { name: 'int64 exact', op: 'ReduceMax', opset: 18, attrs: { keepdims: attr.int(0) }, inputs: [t('int64', [2], [9007199254740993n, 9007199254740992n])], outputs: [t('int64', [], [9007199254740993n])] },
  { name: 'bool (opset 20)', op: 'ReduceMax', opset: 20, inputs: [t('bool', [2, 2], [0, 0, 0, 1]), t('int64', [1], [1])], outputs: [t('bool', [2, 1], [0, 1])] },
  { name: 'NaN propagates', op: 'ReduceMax', opset: 18, inputs: [t('float32', [3], [1, NaN, 2])], outputs: [t('float32', [1], [NaN])] },
];
