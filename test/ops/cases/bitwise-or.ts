import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'int16', op: 'BitwiseOr', opset: 18, inputs: [t('int16', [3], [12, -8, 0]), t('int16', [3], [3, 1, 0])], outputs: [t('int16', [3], [15, -7, 0])] },
  { name: 'uint32 top bit', op: 'BitwiseOr', opset: 18, inputs: [t('uint32', [1], [2147483648]), t('uint32', [1], [1])], outputs: [t('uint32', [1], [2147483649])] },
  { name: 'int64', op: 'BitwiseOr', opset: 18, inputs: [t('int64', [2], [4294967296n, -2n]), t('int64', [2], [1n, 1n])], outputs: [t('int64', [2], [4294967297n, -1n])] },
];
