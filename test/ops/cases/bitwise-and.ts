import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'int32', op: 'BitwiseAnd', opset: 18, inputs: [t('int32', [3], [12, -1, 5]), t('int32', [3], [10, 7, 2])], outputs: [t('int32', [3], [8, 7, 0])] },
  { name: 'uint8 broadcast', op: 'BitwiseAnd', opset: 18, inputs: [t('uint8', [2, 2], [255, 15, 240, 1]), t('uint8', [2], [60, 255])], outputs: [t('uint8', [2, 2], [60, 15, 48, 1])] },
  { name: 'uint64 high bits', op: 'BitwiseAnd', opset: 18, inputs: [t('uint64', [1], [18446744073709551615n]), t('uint64', [1], [9223372036854775809n])], outputs: [t('uint64', [1], [9223372036854775809n])] },
  { name: 'float rejected', op: 'BitwiseAnd', opset: 18, inputs: [t('float32', [1], [1]), t('float32', [1], [1])], throws: 'E_DTYPE' },
];
