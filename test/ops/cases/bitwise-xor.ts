import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'uint8', op: 'BitwiseXor', opset: 18, inputs: [t('uint8', [3], [255, 12, 0]), t('uint8', [3], [15, 10, 0])], outputs: [t('uint8', [3], [240, 6, 0])] },
  { name: 'int32 broadcast', op: 'BitwiseXor', opset: 18, inputs: [t('int32', [2], [-1, 5]), t('int32', [], [1])], outputs: [t('int32', [2], [-2, 4])] },
];
