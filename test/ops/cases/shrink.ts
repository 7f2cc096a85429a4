import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'soft shrink', op: 'Shrink', attrs: { lambd: attr.float(1.5), bias: attr.float(1.5) }, inputs: [t('float32', [5], [-2, -1, 0, 1, 2])], outputs: [t('float32', [5], [-0.5, 0, 0, 0, 0.5])] },
  { name: 'hard shrink defaults', op: 'Shrink', inputs: [t('float32', [4], [-0.6, -0.5, 0.5, 0.7])], outputs: [t('float32', [4], [-0.6, 0, 0, 0.7])] },
  { name: 'int32', op: 'Shrink', attrs: { lambd: attr.float(1), bias: attr.float(1) }, inputs: [t('int32', [3], [-3, 1, 4])], outputs: [t('int32', [3], [-2, 0, 3])] },
];
