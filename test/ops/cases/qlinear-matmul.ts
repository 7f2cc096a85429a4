import { t, type OpCase } from '../op-case';

const f = (v: number) => t('float32', [], [v]);

export const cases: OpCase[] = [
  {
    // a' = [0, 10], b' = [2, 4] → 40; multiplier 0.5·0.25/0.5 = 0.25 → 10, + y_zp 100.
    name: 'uint8, scalar parameters',
    op: 'QLinearMatMul',
    opset: 10,
    inputs: [t('uint8', [1, 2], [10, 20]), f(0.5), t('uint8', [], [10]), t('uint8', [2, 1], [3, 5]), f(0.25), t('uint8', [], [1]), f(0.5), t('uint8', [], [100])],
    outputs: [t('uint8', [1, 1], [110])],
  },
  {
    // acc [3, 300] · 0.5 = [1.5, 150] → round half even 2, saturate 127.
    name: 'int8: round half to even, saturate',
    op: 'QLinearMatMul',
    opset: 10,
    inputs: [t('int8', [1, 1], [3]), f(1), t('int8', [], [0]), t('int8', [1, 2], [1, 100]), f(1), t('int8', [], [0]), f(2), t('int8', [], [0])],
    outputs: [t('int8', [1, 2], [2, 127])],
  },
  {
    name: 'per-column b_scale',
    op: 'QLinearMatMul',
    opset: 10,
    inputs: [t('uint8', [1, 1], [2]), f(1), t('uint8', [], [0]), t('uint8', [1, 2], [3, 3]), t('float32', [2], [1, 2]), t('uint8', [], [0]), f(1), t('uint8', [], [0])],
    outputs: [t('uint8', [1, 2], [6, 12])],
  },
  {
    name: 'y_zero_point must be a scalar',
    op: 'QLinearMatMul',
    opset: 10,
    inputs: [t('uint8', [1, 1], [2]), f(1), t('uint8', [], [0]), t('uint8', [1, 1], [3]), f(1), t('uint8', [], [0]), f(1), t('uint8', [2], [0, 0])],
    throws: 'E_SHAPE',
  },
];
