import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Acosh', inputs: [t('float32', [3], [1, 2, 0.5])], outputs: [t('float32', [3], [0, 1.3169578969248168, NaN])] },
];
