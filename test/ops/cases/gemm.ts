import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    // op(A) = [[1,2],[3,4]], op(B) = [[5,6],[7,8]]; product [[19,22],[43,50]]; ·2 + 0.5·[1,2].
    name: 'transA, transB, alpha, beta, row-vector C',
    op: 'Gemm',
    attrs: { transA: attr.int(1), transB: attr.int(1), alpha: attr.float(2), beta: attr.float(0.5) },
    inputs: [t('float32', [2, 2], [1, 3, 2, 4]), t('float32', [2, 2], [5, 7, 6, 8]), t('float32', [2], [1, 2])],
    outputs: [t('float32', [2, 2], [38.5, 45, 86.5, 101])],
  },
  {
    name: 'C omitted (opset 13)',
    op: 'Gemm',
    opset: 13,
    inputs: [t('float32', [1, 3], [1, 2, 3]), t('float32', [3, 1], [1, 1, 1]), null],
    outputs: [t('float32', [1, 1], [6])],
  },
  {
    name: 'scalar C',
    op: 'Gemm',
    inputs: [t('float64', [1, 2], [1, 2]), t('float64', [2, 1], [3, 4]), t('float64', [], [10])],
    outputs: [t('float64', [1, 1], [21])],
  },
  {
    name: 'column C broadcast along N',
    op: 'Gemm',
    inputs: [t('float32', [2, 2], [1, 0, 0, 1]), t('float32', [2, 2], [1, 2, 3, 4]), t('float32', [2, 1], [10, 20])],
    outputs: [t('float32', [2, 2], [11, 12, 23, 24])],
  },
  {
    name: 'beta 0 ignores C',
    op: 'Gemm',
    attrs: { beta: attr.float(0) },
    inputs: [t('float32', [1, 1], [2]), t('float32', [1, 1], [3]), t('float32', [1, 1], [100])],
    outputs: [t('float32', [1, 1], [6])],
  },
  {
    name: 'int32',
    op: 'Gemm',
    opset: 13,
    inputs: [t('int32', [1, 2], [2, 3]), t('int32', [2, 2], [1, 2, 3, 4]), t('int32', [1, 2], [1, 1])],
    outputs: [t('int32', [1, 2], [12, 17])],
  },
  {
    name: 'opset 6 requires C',
    op: 'Gemm',
    opset: 6,
    inputs: [t('float32', [1, 1], [2]), t('float32', [1, 1], [3]), null],
    throws: 'E_INPUT',
  },
  {
    name: 'opset 6 broadcast=0 requires C to be exactly [M,N]',
    op: 'Gemm',
    opset: 6,
    inputs: [t('float32', [1, 2], [1, 2]), t('float32', [2, 2], [1, 0, 0, 1]), t('float32', [2], [1, 1])],
    throws: 'E_SHAPE',
  },
  {
    name: 'opset 6 broadcast=1 broadcasts C',
    op: 'Gemm',
    opset: 6,
    attrs: { broadcast: attr.int(1) },
    inputs: [t('float32', [1, 2], [1, 2]), t('float32', [2, 2], [1, 0, 0, 1]), t('float32', [2], [1, 1])],
    outputs: [t('float32', [1, 2], [2, 3])],
  },
  {
    name: 'C that cannot broadcast',
    op: 'Gemm',
    inputs: [t('float32', [1, 2], [1, 2]), t('float32', [2, 2], [1, 0, 0, 1]), t('float32', [3], [1, 1, 1])],
    throws: 'E_SHAPE',
  },
  {
    name: 'inner dimension mismatch',
    op: 'Gemm',
    inputs: [t('float32', [1, 3], [1, 2, 3]), t('float32', [2, 2], [1, 0, 0, 1]), t('float32', [1], [0])],
    throws: 'E_SHAPE',
  },
];
