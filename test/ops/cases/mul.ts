import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32 broadcast', op: 'Mul', inputs: [t('float32', [2, 2], [1, 2, 3, 4]), t('float32', [2], [2, -1])], outputs: [t('float32', [2, 2], [2, -2, 6, -4])] },
  { name: 'int32', op: 'Mul', inputs: [t('int32', [3], [7, -3, 0]), t('int32', [3], [6, 5, 9])], outputs: [t('int32', [3], [42, -15, 0])] },
  // 123456789 * 987654321 = 121932631112635269 = 0x1B13114FBFF5385: low 32 bits 0xFBFF5385 = -67153019 as int32.
  { name: 'int32 overflow keeps the exact low 32 bits', op: 'Mul', inputs: [t('int32', [1], [123456789]), t('int32', [1], [987654321])], outputs: [t('int32', [1], [-67153019])] },
  { name: 'uint32 wraps', op: 'Mul', inputs: [t('uint32', [1], [4294967295]), t('uint32', [1], [2])], outputs: [t('uint32', [1], [4294967294])] },
  { name: 'int64 exact', op: 'Mul', inputs: [t('int64', [1], [3037000499n]), t('int64', [1], [3037000499n])], outputs: [t('int64', [1], [9223372030926249001n])] },
  { name: 'empty broadcast', op: 'Mul', inputs: [t('float32', [0, 2], []), t('float32', [2], [1, 2])], outputs: [t('float32', [0, 2], [])] },
];
