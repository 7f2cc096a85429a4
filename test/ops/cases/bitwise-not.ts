import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'int32', op: 'BitwiseNot', opset: 18, inputs: [t('int32', [3], [0, 5, -1])], outputs: [t('int32', [3], [-1, -6, 0])] },
  { name: 'uint8', op: 'BitwiseNot', opset: 18, inputs: [t('uint8', [3], [0, 15, 255])], outputs: [t('uint8', [3], [255, 240, 0])] },
  { name: 'uint64', op: 'BitwiseNot', opset: 18, inputs: [t('uint64', [1], [0n])], outputs: [t('uint64', [1], [18446744073709551615n])] },
];
