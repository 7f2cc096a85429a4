import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'unsqueeze axes input', op: 'Unsqueeze', inputs: [t('int64', [2], [7, 8]), t('int64', [2], [0, 2])], outputs: [t('int64', [1, 2, 1], [7, 8])] },
  { name: 'unsqueeze negative axis', op: 'Unsqueeze', inputs: [t('bool', [2], [1, 0]), t('int64', [1], [-1])], outputs: [t('bool', [2, 1], [1, 0])] },
  { name: 'unsqueeze scalar', op: 'Unsqueeze', inputs: [t('string', [], ['s']), t('int64', [1], [0])], outputs: [t('string', [1], ['s'])] },
  { name: 'unsqueeze axes attribute (opset 11)', op: 'Unsqueeze', opset: 11, attrs: { axes: attr.ints([1]) }, inputs: [t('float32', [2], [1, 2])], outputs: [t('float32', [2, 1], [1, 2])] },
  { name: 'unsqueeze repeated axes', op: 'Unsqueeze', inputs: [t('float32', [2], [1, 2]), t('int64', [2], [0, 0])], throws: 'E_ATTR' },
];
