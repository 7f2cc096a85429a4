import { attr, t, type OpCase } from '../op-case';

// ONNX leaves the random stream unspecified, so these cases pin what is deterministic: a zero-width range
// gives `low` everywhere, plus shape and dtype. The distribution itself is checked in test/unit/random-ops.test.ts.
export const cases: OpCase[] = [
  {
    name: 'zero-width range gives low, float64 by dtype code 11',
    op: 'RandomUniform',
    attrs: { shape: attr.ints([2, 2]), low: attr.float(2.5), high: attr.float(2.5), dtype: attr.int(11), seed: attr.float(1) },
    inputs: [],
    outputs: [t('float64', [2, 2], [2.5, 2.5, 2.5, 2.5])],
  },
  {
    name: 'default dtype float32, empty shape dim',
    op: 'RandomUniform',
    attrs: { shape: attr.ints([0, 3]) },
    inputs: [],
    outputs: [t('float32', [0, 3], [])],
  },
  { name: 'integer dtype is not allowed', op: 'RandomUniform', attrs: { shape: attr.ints([1]), dtype: attr.int(6) }, inputs: [], throws: 'E_UNSUPPORTED_ATTR' },
];
