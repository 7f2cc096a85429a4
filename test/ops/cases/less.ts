import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32 broadcast', op: 'Less', inputs: [t('float32', [3], [1, 2, 3]), t('float32', [], [2])], outputs: [t('bool', [3], [1, 0, 0])] },
  { name: 'uint8', op: 'Less', inputs: [t('uint8', [2], [255, 0]), t('uint8', [2], [0, 1])], outputs: [t('bool', [2], [0, 1])] },
];
