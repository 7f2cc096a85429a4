import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'fmod=0 sign follows divisor (Python %)',
    op: 'Mod',
    inputs: [t('int32', [6], [-4, 7, 5, 4, -7, 8]), t('int32', [6], [2, -3, 8, -2, 3, 5])],
    outputs: [t('int32', [6], [0, -2, 5, 0, 2, 3])],
  },
  {
    name: 'fmod=0 int64',
    op: 'Mod',
    inputs: [t('int64', [4], [-4, 7, 5, -7]), t('int64', [4], [3, -3, 8, -3])],
    outputs: [t('int64', [4], [2, -2, 5, -1])],
  },
  {
    name: 'fmod=1 float sign follows dividend (C fmod)',
    op: 'Mod',
    attrs: { fmod: attr.int(1) },
    inputs: [t('float32', [4], [-4.5, 7.5, 5, -7]), t('float32', [4], [2, -3, 8, 3])],
    outputs: [t('float32', [4], [-0.5, 1.5, 5, -1])],
  },
  {
    name: 'fmod=1 int32',
    op: 'Mod',
    attrs: { fmod: attr.int(1) },
    inputs: [t('int32', [2], [-7, 7]), t('int32', [2], [3, -3])],
    outputs: [t('int32', [2], [-1, 1])],
  },
  { name: 'fmod=0 on floats is rejected', op: 'Mod', inputs: [t('float32', [1], [1]), t('float32', [1], [2])], throws: 'E_ATTR' },
];
