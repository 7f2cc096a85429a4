import { attr, t, type OpCase } from '../op-case';

// Probabilities 0 and 1 are deterministic whatever the generator; see test/unit/random-ops.test.ts for the rest.
export const cases: OpCase[] = [
  { name: 'p in {0, 1}, input dtype', op: 'Bernoulli', opset: 15, inputs: [t('float32', [4], [0, 1, 1, 0])], outputs: [t('float32', [4], [0, 1, 1, 0])] },
  {
    name: 'dtype bool (code 9)',
    op: 'Bernoulli',
    opset: 15,
    attrs: { dtype: attr.int(9), seed: attr.float(0) },
    inputs: [t('float64', [2], [1, 0])],
    outputs: [t('bool', [2], [1, 0])],
  },
  { name: 'dtype int64 (code 7)', op: 'Bernoulli', opset: 15, attrs: { dtype: attr.int(7) }, inputs: [t('float16', [1], [1])], outputs: [t('int64', [1], [1])] },
  { name: 'probability above 1', op: 'Bernoulli', opset: 15, inputs: [t('float32', [1], [1.5])], throws: 'E_INPUT' },
];
