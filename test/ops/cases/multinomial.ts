import { attr, t, type OpCase } from '../op-case';

// A row whose other classes have log-probability -inf always samples its one finite class.
const certain = t('float32', [2, 3], [-Infinity, 0, -Infinity, 5, -Infinity, -Infinity]);

export const cases: OpCase[] = [
  { name: 'default int32, one sample', op: 'Multinomial', inputs: [certain], outputs: [t('int32', [2, 1], [1, 0])] },
  {
    name: 'sample_size 3 as int64',
    op: 'Multinomial',
    attrs: { sample_size: attr.int(3), dtype: attr.int(7), seed: attr.float(2) },
    inputs: [certain],
    outputs: [t('int64', [2, 3], [1, 1, 1, 0, 0, 0])],
  },
  { name: 'float output dtype is not allowed', op: 'Multinomial', attrs: { dtype: attr.int(1) }, inputs: [certain], throws: 'E_UNSUPPORTED_ATTR' },
  { name: 'rank 1 input', op: 'Multinomial', inputs: [t('float32', [2], [0, 0])], throws: 'E_SHAPE' },
];
