import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'truth table', op: 'And', inputs: [t('bool', [4], [0, 0, 1, 1]), t('bool', [4], [0, 1, 0, 1])], outputs: [t('bool', [4], [0, 0, 0, 1])] },
  { name: 'broadcast', op: 'And', inputs: [t('bool', [2, 2], [1, 1, 0, 1]), t('bool', [2], [1, 0])], outputs: [t('bool', [2, 2], [1, 0, 0, 0])] },
  { name: 'non-bool rejected', op: 'And', inputs: [t('int32', [1], [1]), t('int32', [1], [1])], throws: 'E_DTYPE' },
];
