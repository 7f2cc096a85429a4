import { attr, t, type OpCase } from '../op-case';

const X = t('float32', [2, 4], [1, 4, 3, 4, 8, 6, 7, 5]);
const K = (k: number) => t('int64', [1], [k]);

export const cases: OpCase[] = [
  {
    name: 'k input, largest, ties keep the lower index',
    op: 'TopK',
    opset: 11,
    inputs: [X, K(3)],
    outputs: [t('float32', [2, 3], [4, 4, 3, 8, 7, 6]), t('int64', [2, 3], [1, 3, 2, 0, 2, 1])],
  },
  {
    name: 'smallest (largest=0)',
    op: 'TopK',
    opset: 11,
    attrs: { largest: attr.int(0) },
    inputs: [X, K(2)],
    outputs: [t('float32', [2, 2], [1, 3, 5, 6]), t('int64', [2, 2], [0, 2, 3, 1])],
  },
  {
    name: 'axis 0',
    op: 'TopK',
    opset: 11,
    attrs: { axis: attr.int(0) },
    inputs: [X, K(1)],
    outputs: [t('float32', [1, 4], [8, 6, 7, 5]), t('int64', [1, 4], [1, 1, 1, 1])],
  },
  {
    name: 'k attribute (opset 1)',
    op: 'TopK',
    opset: 1,
    attrs: { k: attr.int(2) },
    inputs: [t('int32', [5], [3, 9, -1, 9, 0])],
    outputs: [t('int32', [2], [9, 9]), t('int64', [2], [1, 3])],
  },
  { name: 'k = 0', op: 'TopK', opset: 10, inputs: [t('float32', [3], [1, 2, 3]), K(0)], outputs: [t('float32', [0], []), t('int64', [0], [])] },
  { name: 'NaN is the largest', op: 'TopK', opset: 11, inputs: [t('float32', [3], [1, NaN, 3]), K(2)], outputs: [t('float32', [2], [NaN, 3]), t('int64', [2], [1, 2])] },
  { name: 'int64 exact', op: 'TopK', opset: 11, inputs: [t('int64', [2], [9007199254740992n, 9007199254740993n]), K(1)], outputs: [t('int64', [1], [9007199254740993n]), t('int64', [1], [1])] },
  { name: 'k larger than the axis', op: 'TopK', opset: 11, inputs: [t('float32', [2], [1, 2]), K(3)], throws: 'E_INPUT' },
];
