import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'shape of an int64 input, dtype float32 from the attribute',
    op: 'RandomUniformLike',
    attrs: { dtype: attr.int(1), low: attr.float(-1), high: attr.float(-1) },
    inputs: [t('int64', [1, 2], [7, 8])],
    outputs: [t('float32', [1, 2], [-1, -1])],
  },
  {
    name: 'dtype defaults to the input dtype',
    op: 'RandomUniformLike',
    attrs: { low: attr.float(0.5), high: attr.float(0.5) },
    inputs: [t('float64', [2], [0, 0])],
    outputs: [t('float64', [2], [0.5, 0.5])],
  },
  { name: 'an integer input needs a dtype attribute', op: 'RandomUniformLike', inputs: [t('int32', [1], [0])], throws: 'E_DTYPE' },
];
