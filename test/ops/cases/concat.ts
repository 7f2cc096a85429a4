import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'concat axis 0',
    op: 'Concat',
    attrs: { axis: attr.int(0) },
    inputs: [t('float32', [1, 2], [1, 2]), t('float32', [2, 2], [3, 4, 5, 6])],
    outputs: [t('float32', [3, 2], [1, 2, 3, 4, 5, 6])],
  },
  {
    name: 'concat axis 1',
    op: 'Concat',
    attrs: { axis: attr.int(1) },
    inputs: [t('int64', [2, 1], [1, 2]), t('int64', [2, 2], [3, 4, 5, 6])],
    outputs: [t('int64', [2, 3], [1, 3, 4, 2, 5, 6])],
  },
  {
    name: 'concat negative axis with a zero-size input',
    op: 'Concat',
    attrs: { axis: attr.int(-1) },
    inputs: [t('string', [2, 1], ['a', 'b']), t('string', [2, 0], []), t('string', [2, 1], ['c', 'd'])],
    outputs: [t('string', [2, 2], ['a', 'c', 'b', 'd'])],
  },
  { name: 'concat opset 1 default axis 1', op: 'Concat', opset: 1, inputs: [t('float32', [1, 1], [1]), t('float32', [1, 1], [2])], outputs: [t('float32', [1, 2], [1, 2])] },
  { name: 'concat mismatched dims', op: 'Concat', attrs: { axis: attr.int(0) }, inputs: [t('float32', [1, 2], [1, 2]), t('float32', [1, 3], [1, 2, 3])], throws: 'E_SHAPE' },
  { name: 'concat axis out of range', op: 'Concat', attrs: { axis: attr.int(2) }, inputs: [t('float32', [1, 2], [1, 2])], throws: 'E_ATTR' },
];
