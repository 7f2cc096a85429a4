import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'scale 0 gives the mean, in the input dtype',
    op: 'RandomNormalLike',
    attrs: { mean: attr.float(-2), scale: attr.float(0), seed: attr.float(3) },
    inputs: [t('float64', [2, 1], [5, 6])],
    outputs: [t('float64', [2, 1], [-2, -2])],
  },
  {
    name: 'only the shape of an int32 input is used, dtype float32 from the attribute',
    op: 'RandomNormalLike',
    attrs: { mean: attr.float(1.5), scale: attr.float(0), dtype: attr.int(1) },
    inputs: [t('int32', [3], [7, 8, 9])],
    outputs: [t('float32', [3], [1.5, 1.5, 1.5])],
  },
  { name: 'string dtype is not allowed', op: 'RandomNormalLike', attrs: { dtype: attr.int(8) }, inputs: [t('float32', [1], [0])], throws: 'E_UNSUPPORTED_ATTR' },
];
