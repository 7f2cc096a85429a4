import { attr, t, type OpCase } from '../op-case';

// scale 0 makes the draw deterministic (mean everywhere); see test/unit/random-ops.test.ts for the distribution.
export const cases: OpCase[] = [
  {
    name: 'scale 0 gives the mean, float16 by dtype code 10',
    op: 'RandomNormal',
    attrs: { shape: attr.ints([3]), mean: attr.float(3), scale: attr.float(0), dtype: attr.int(10) },
    inputs: [],
    outputs: [t('float16', [3], [3, 3, 3])],
  },
  { name: 'shape is required', op: 'RandomNormal', inputs: [], throws: 'E_ATTR' },
];
