import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'defaults', op: 'Selu', inputs: [t('float32', [5], [-2, -0.5, 0, 0.5, 2])], outputs: [t('float32', [5], [-1.5201664733475926, -0.6917581899652426, 0, 0.5253505110740662, 2.1014020442962646])] },
  { name: 'alpha 2 gamma 3', op: 'Selu', attrs: { alpha: attr.float(2), gamma: attr.float(3) }, inputs: [t('float32', [2], [-1, 1])], outputs: [t('float32', [2], [-3.792723352971346, 3])] },
];
