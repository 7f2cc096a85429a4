import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'per-channel max',
    op: 'GlobalMaxPool',
    inputs: [t('float32', [1, 2, 2, 2], [1, 4, 3, 2, -5, -6, -7, -8])],
    outputs: [t('float32', [1, 2, 1, 1], [4, -5])],
  },
  { name: 'float16 3-D', op: 'GlobalMaxPool', inputs: [t('float16', [1, 1, 1, 2, 2], [1, 9, 3, 2])], outputs: [t('float16', [1, 1, 1, 1, 1], [9])] },
];
