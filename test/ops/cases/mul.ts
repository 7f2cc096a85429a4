import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32 broadcast', op: 'Mul', inputs: [t('float32', [2, 2], [1, 2, 3, 4]), t('float32', [2], [2, -1])], outputs: [t('float32', [2, 2], [2, -2, 6, -4])] },
  { name: 'int32', op: 'Mul', inputs: [t('int32', [3], [7, -3, 0]), t('int32', [3], [6, 5, 9])], outputs: [t('int32', [3], [42, -15, 0])] },
  { name: 'int64 exact', op: 'Mul', inputs: [t('int64', [1], [3037000499n]), t('int64', [1], [3037000499n])], outputs: [t('int64', [1], [9223372030926249001n])] },
  { name: 'empty broadcast', op: 'Mul', inputs: [t('float32', [0, 2], []), t('float32', [2], [1, 2])], outputs: [t('float32', [0, 2], [])] },
];
