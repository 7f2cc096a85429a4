import { t, type OpCase } from '../op-case';

const A = t('uint8', [2, 2], [1, 2, 3, 4]);
const B = t('uint8', [2, 2], [5, 6, 7, 8]);

export const cases: OpCase[] = [
  { name: 'no zero points', op: 'MatMulInteger', opset: 10, inputs: [A, B], outputs: [t('int32', [2, 2], [19, 22, 43, 50])] },
  {
    // A - 1 = [[0,1],[2,3]], B - 5 = [[0,1],[2,3]].
    name: 'scalar zero points',
    op: 'MatMulInteger',
    opset: 10,
    inputs: [A, B, t('uint8', [], [1]), t('uint8', [], [5])],
    outputs: [t('int32', [2, 2], [2, 3, 6, 11])],
  },
  {
    // per-row a_zp [1, 3] → A' = [[0,1],[0,1]]; per-column b_zp [5, 6] → B' = [[0,0],[2,2]].
    name: 'per-row and per-column zero points, int8',
    op: 'MatMulInteger',
    opset: 10,
    inputs: [t('int8', [2, 2], [1, 2, 3, 4]), t('int8', [2, 2], [5, 6, 7, 8]), t('int8', [2], [1, 3]), t('int8', [2], [5, 6])],
    outputs: [t('int32', [2, 2], [2, 2, 2, 2])],
  },
  {
    name: 'int8 extremes accumulate exactly',
    op: 'MatMulInteger',
    opset: 10,
    inputs: [t('int8', [1, 2], [-128, 127]), t('int8', [2, 1], [127, -128])],
    outputs: [t('int32', [1, 1], [-32512])],
  },
  { name: 'zero point dtype differs from A', op: 'MatMulInteger', opset: 10, inputs: [A, B, t('int8', [], [1])], throws: 'E_DTYPE' },
];
