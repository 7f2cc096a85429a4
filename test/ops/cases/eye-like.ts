import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'eye like square', op: 'EyeLike', inputs: [t('float32', [3, 3], new Array(9).fill(5))], outputs: [t('float32', [3, 3], [1, 0, 0, 0, 1, 0, 0, 0, 1])] },
  { name: 'eye like k=1 rectangular', op: 'EyeLike', attrs: { k: attr.int(1) }, inputs: [t('int32', [2, 3], [0, 0, 0, 0, 0, 0])], outputs: [t('int32', [2, 3], [0, 1, 0, 0, 0, 1])] },
  { name: 'eye like k=-1 with dtype int64 (7)', op: 'EyeLike', attrs: { k: attr.int(-1), dtype: attr.int(7) }, inputs: [t('float32', [3, 2], [0, 0, 0, 0, 0, 0])], outputs: [t('int64', [3, 2], [0, 0, 1, 0, 0, 1])] },
  { name: 'eye like not 2-d', op: 'EyeLike', inputs: [t('float32', [2], [0, 0])], throws: 'E_SHAPE' },
];
