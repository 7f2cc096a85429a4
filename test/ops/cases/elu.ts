import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'default alpha', op: 'Elu', inputs: [t('float32', [5], [-2, -0.5, 0, 0.5, 2])], outputs: [t('float32', [5], [-0.8646647167633873, -0.3934693402873666, 0, 0.5, 2])] },
  { name: 'alpha 2', op: 'Elu', attrs: { alpha: attr.float(2) }, inputs: [t('float32', [2], [-2, 3])], outputs: [t('float32', [2], [-1.7293294335267746, 3])] },
];
