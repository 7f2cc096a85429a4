import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32 broadcast', op: 'Pow', inputs: [t('float32', [3], [1, 2, 3]), t('float32', [], [2])], outputs: [t('float32', [3], [1, 4, 9])] },
  { name: 'fractional and negative exponents', op: 'Pow', inputs: [t('float32', [3], [4, 2, -8]), t('float32', [3], [0.5, -1, 0.5])], outputs: [t('float32', [3], [2, 0.5, NaN])] },
  { name: 'int64 base, int64 exponent', op: 'Pow', inputs: [t('int64', [3], [2, -3, 2]), t('int64', [3], [10, 3, -1])], outputs: [t('int64', [3], [1024, -27, 0])] },
  { name: 'float base, int64 exponent (opset 12 mixed types)', op: 'Pow', opset: 12, inputs: [t('float32', [2], [1.5, 2]), t('int64', [2], [2, 3])], outputs: [t('float32', [2], [2.25, 8])] },
  { name: 'int32 base, float exponent keeps int32', op: 'Pow', opset: 15, inputs: [t('int32', [2], [3, 2]), t('float32', [2], [2, 0.5])], outputs: [t('int32', [2], [9, 1])] },
];
