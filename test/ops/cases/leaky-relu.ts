import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'default alpha 0.01', op: 'LeakyRelu', inputs: [t('float32', [3], [-1, 0, 1])], outputs: [t('float32', [3], [-0.01, 0, 1])] },
  { name: 'alpha 0.1', op: 'LeakyRelu', attrs: { alpha: attr.float(0.1) }, inputs: [t('float32', [3], [-10, -0.5, 3])], outputs: [t('float32', [3], [-1, -0.05, 3])] },
  { name: 'float16', op: 'LeakyRelu', attrs: { alpha: attr.float(0.5) }, inputs: [t('float16', [2], [-2, 2])], outputs: [t('float16', [2], [-1, 2])] },
];
