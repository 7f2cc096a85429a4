import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'same shape float32',
    op: 'Add',
    inputs: [t('float32', [2, 2], [1, 2, 3, 4]), t('float32', [2, 2], [10, 20, 30, 40])],
    outputs: [t('float32', [2, 2], [11, 22, 33, 44])],
  },
  {
    name: 'broadcast row over matrix',
    op: 'Add',
    inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('float32', [3], [10, 20, 30])],
    outputs: [t('float32', [2, 3], [11, 22, 33, 14, 25, 36])],
  },
  {
    name: 'broadcast column and row to matrix (int32)',
    op: 'Add',
    inputs: [t('int32', [2, 1], [1, 2]), t('int32', [1, 3], [10, 20, 30])],
    outputs: [t('int32', [2, 3], [11, 21, 31, 12, 22, 32])],
  },
  {
    name: 'int64',
    op: 'Add',
    inputs: [t('int64', [2], [5, -7]), t('int64', [], [3])],
    outputs: [t('int64', [2], [8, -4])],
  },
  {
    name: 'int64 beyond 2^53 stays exact',
    op: 'Add',
    inputs: [t('int64', [1], [9007199254740993n]), t('int64', [1], [1n])],
    outputs: [t('int64', [1], [9007199254740994n])],
  },
  {
    name: 'int8 wraps',
    op: 'Add',
    inputs: [t('int8', [2], [127, -128]), t('int8', [2], [1, -1])],
    outputs: [t('int8', [2], [-128, 127])],
  },
  {
    name: 'float16 rounds the sum',
    op: 'Add',
    inputs: [t('float16', [2], [1, 2048]), t('float16', [2], [0.5, 1])],
    // 2049 is not representable in half (spacing 2 above 2048): ties to even 2048.
    outputs: [t('float16', [2], [1.5, 2048])],
    rtol: 0,
    atol: 0,
  },
  {
    name: 'legacy broadcast=1 with axis (opset 6)',
    op: 'Add',
    opset: 6,
    attrs: { broadcast: attr.int(1), axis: attr.int(0) },
    inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('float32', [2], [10, 20])],
    outputs: [t('float32', [2, 3], [11, 12, 13, 24, 25, 26])],
  },
  {
    name: 'legacy broadcast=1 default axis is the suffix (opset 6)',
    op: 'Add',
    opset: 6,
    attrs: { broadcast: attr.int(1) },
    inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('float32', [3], [10, 20, 30])],
    outputs: [t('float32', [2, 3], [11, 22, 33, 14, 25, 36])],
  },
  {
    name: 'legacy broadcast=0 needs equal shapes (opset 6)',
    op: 'Add',
    opset: 6,
    inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('float32', [3], [10, 20, 30])],
    throws: 'E_SHAPE',
  },
  {
    name: 'incompatible shapes',
    op: 'Add',
    inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('float32', [2], [1, 2])],
    throws: 'E_SHAPE',
  },
];
