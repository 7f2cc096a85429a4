import { t, type OpCase } from '../op-case';

const f = (v: number) => t('float32', [], [v]);
const X = t('uint8', [1, 1, 2, 2], [10, 20, 30, 40]);
const W = t('uint8', [1, 1, 1, 1], [4]);

export const cases: OpCase[] = [
  {
    // x' = [0,10,20,30], w' = 2 → [0,20,40,60]; multiplier 0.5·0.25/0.5 = 0.25 → [0,5,10,15] + 1.
    name: 'uint8 1x1 conv',
    op: 'QLinearConv',
    opset: 10,
    inputs: [X, f(0.5), t('uint8', [], [10]), W, f(0.25), t('uint8', [], [2]), f(0.5), t('uint8', [], [1])],
    outputs: [t('uint8', [1, 1, 2, 2], [1, 6, 11, 16])],
  },
  {
    // + B 10 → [10,30,50,70] · 0.25 = [2.5,7.5,12.5,17.5] → half to even [2,8,12,18] + 1.
    name: 'int32 bias, halves round to even',
    op: 'QLinearConv',
    opset: 10,
    inputs: [X, f(0.5), t('uint8', [], [10]), W, f(0.25), t('uint8', [], [2]), f(0.5), t('uint8', [], [1]), t('int32', [1], [10])],
    outputs: [t('uint8', [1, 1, 2, 2], [3, 9, 13, 19])],
  },
  {
    // acc [4, -4] · [1/4, 2/4] = [1, -2] + 126 → [127, 124].
    name: 'int8, per-channel w_scale and w_zero_point',
    op: 'QLinearConv',
    opset: 10,
    inputs: [t('int8', [1, 1, 1, 1], [4]), f(1), t('int8', [], [0]), t('int8', [2, 1, 1, 1], [1, -1]), t('float32', [2], [1, 2]), t('int8', [2], [0, 0]), f(4), t('int8', [], [126])],
    outputs: [t('int8', [1, 2, 1, 1], [127, 124])],
  },
  {
    name: 'bias of the wrong length',
    op: 'QLinearConv',
    opset: 10,
    inputs: [X, f(0.5), t('uint8', [], [10]), W, f(0.25), t('uint8', [], [2]), f(0.5), t('uint8', [], [1]), t('int32', [2], [1, 2])],
    throws: 'E_SHAPE',
  },
];
