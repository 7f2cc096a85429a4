import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Cosh', inputs: [t('float32', [2], [-1, 0.5])], outputs: [t('float32', [2], [1.5430806348152437, 1.1276259652063807])] },
];
