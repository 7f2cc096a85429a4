import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'defaults alpha 0.2 beta 0.5', op: 'HardSigmoid', inputs: [t('float32', [5], [-3, -1, 0, 1, 3])], outputs: [t('float32', [5], [0, 0.3, 0.5, 0.7, 1])] },
  { name: 'alpha 0.5 beta 0.6', op: 'HardSigmoid', attrs: { alpha: attr.float(0.5), beta: attr.float(0.6) }, inputs: [t('float32', [3], [-1, 0, 1])], outputs: [t('float32', [3], [0.1, 0.6, 1])] },
];
