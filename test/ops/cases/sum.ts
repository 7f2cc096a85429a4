import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'three inputs',
    op: 'Sum',
    inputs: [t('float32', [3], [3, 0, 2]), t('float32', [3], [1, 3, 4]), t('float32', [3], [2, 6, 6])],
    outputs: [t('float32', [3], [6, 9, 12])],
  },
  { name: 'one input', op: 'Sum', inputs: [t('float32', [2], [3, 0])], outputs: [t('float32', [2], [3, 0])] },
  { name: 'broadcast (opset 8)', op: 'Sum', opset: 8, inputs: [t('int32', [2, 1], [1, 2]), t('int32', [2], [10, 20])], outputs: [t('int32', [2, 2], [11, 21, 12, 22])] },
];
