import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Sign', inputs: [t('float32', [4], [-3, 0, 0.5, NaN])], outputs: [t('float32', [4], [-1, 0, 1, NaN])] },
  { name: 'int64', op: 'Sign', inputs: [t('int64', [3], [-9, 0, 9])], outputs: [t('int64', [3], [-1, 0, 1])] },
];
