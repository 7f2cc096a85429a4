import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'broadcast scalar', op: 'Sub', inputs: [t('float32', [3], [1, 2, 3]), t('float32', [], [0.5])], outputs: [t('float32', [3], [0.5, 1.5, 2.5])] },
  { name: 'uint8 wraps below zero', op: 'Sub', inputs: [t('uint8', [2], [1, 5]), t('uint8', [2], [2, 5])], outputs: [t('uint8', [2], [255, 0])] },
  { name: 'int64', op: 'Sub', inputs: [t('int64', [2], [10, -3]), t('int64', [2, 1], [1, 2])], outputs: [t('int64', [2, 2], [9, -4, 8, -5])] },
  {
    name: 'legacy broadcast at axis 1 (opset 1)',
    op: 'Sub',
    opset: 1,
    attrs: { broadcast: attr.int(1), axis: attr.int(1) },
    inputs: [t('float32', [1, 2, 2], [10, 10, 10, 10]), t('float32', [2], [1, 2])],
    outputs: [t('float32', [1, 2, 2], [9, 9, 8, 8])],
  },
];
