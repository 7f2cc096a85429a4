import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'bool', op: 'Not', inputs: [t('bool', [2, 2], [1, 0, 0, 1])], outputs: [t('bool', [2, 2], [0, 1, 1, 0])] },
  { name: 'non-bool rejected', op: 'Not', inputs: [t('float32', [1], [1])], throws: 'E_DTYPE' },
];
