import { t, type OpCase } from '../op-case';

// A[i][p] = i + 1, B[p][j] = j + 1 with k = 300 (spans more than one 256-wide k block and 4×4 edge tiles):
// (A·B)[i][j] = 300·(i+1)·(j+1).
const M = 7;
const K = 300;
const N = 5;
const rampA = Array.from({ length: M * K }, (_, x) => Math.floor(x / K) + 1);
const rampB = Array.from({ length: K * N }, (_, x) => (x % N) + 1);
const rampC = Array.from({ length: M * N }, (_, x) => 300 * (Math.floor(x / N) + 1) * ((x % N) + 1));

export const cases: OpCase[] = [
  {
    name: '2x3 by 3x2',
    op: 'MatMul',
    inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('float32', [3, 2], [7, 8, 9, 10, 11, 12])],
    outputs: [t('float32', [2, 2], [58, 64, 139, 154])],
  },
  {
    name: 'vector dot vector gives a scalar',
    op: 'MatMul',
    inputs: [t('float32', [3], [1, 2, 3]), t('float32', [3], [4, 5, 6])],
    outputs: [t('float32', [], [32])],
  },
  {
    name: 'vector by matrix drops the promoted axis',
    op: 'MatMul',
    inputs: [t('float32', [2], [1, 2]), t('float32', [2, 3], [1, 2, 3, 4, 5, 6])],
    outputs: [t('float32', [3], [9, 12, 15])],
  },
  {
    name: 'matrix by vector',
    op: 'MatMul',
    inputs: [t('float64', [2, 2], [1, 2, 3, 4]), t('float64', [2], [5, 6])],
    outputs: [t('float64', [2], [17, 39])],
  },
  {
    name: 'batched by shared matrix',
    op: 'MatMul',
    inputs: [t('float32', [2, 1, 2], [1, 2, 3, 4]), t('float32', [2, 1], [1, 10])],
    outputs: [t('float32', [2, 1, 1], [21, 43])],
  },
  {
    name: 'matrix broadcast over batch of B',
    op: 'MatMul',
    inputs: [t('float32', [2, 2], [1, 0, 0, 1]), t('float32', [3, 2, 1], [1, 2, 3, 4, 5, 6])],
    outputs: [t('float32', [3, 2, 1], [1, 2, 3, 4, 5, 6])],
  },
  {
    name: 'batch dims broadcast both ways',
    op: 'MatMul',
    // A: [2,1,1,2] = two rows [1,1] and [2,2]; B: [3,2,1] = columns [1,0],[0,1],[1,1].
    inputs: [t('float32', [2, 1, 1, 2], [1, 1, 2, 2]), t('float32', [3, 2, 1], [1, 0, 0, 1, 1, 1])],
    outputs: [t('float32', [2, 3, 1, 1], [1, 1, 2, 2, 2, 4])],
  },
  {
    name: 'int32',
    op: 'MatMul',
    opset: 9,
    inputs: [t('int32', [2, 2], [1, 2, 3, 4]), t('int32', [2, 2], [5, 6, 7, 8])],
    outputs: [t('int32', [2, 2], [19, 22, 43, 50])],
  },
  {
    name: 'int64',
    op: 'MatMul',
    inputs: [t('int64', [1, 2], [-3, 4]), t('int64', [2, 1], [5, 6])],
    outputs: [t('int64', [1, 1], [9])],
  },
  {
    name: 'float16',
    op: 'MatMul',
    inputs: [t('float16', [2, 2], [1, 2, 3, 4]), t('float16', [2, 2], [0.5, 0, 0, 0.25])],
    outputs: [t('float16', [2, 2], [0.5, 0.5, 1.5, 1])],
  },
  {
    name: 'blocked path across tile edges (7x300 by 300x5)',
    op: 'MatMul',
    inputs: [t('float32', [M, K], rampA), t('float32', [K, N], rampB)],
    outputs: [t('float32', [M, N], rampC)],
  },
  {
    name: 'inner dimension mismatch',
    op: 'MatMul',
    inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('float32', [2, 2], [1, 2, 3, 4])],
    throws: 'E_SHAPE',
  },
];
