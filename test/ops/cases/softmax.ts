import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'default axis -1 (opset 13)', op: 'Softmax', opset: 13, inputs: [t('float32', [2, 3], [1, 2, 3, 1, 1, 1])], outputs: [t('float32', [2, 3], [0.09003057317038046, 0.24472847105479764, 0.6652409557748218, 1 / 3, 1 / 3, 1 / 3])] },
  { name: 'axis 0 (opset 13)', op: 'Softmax', opset: 13, attrs: { axis: attr.int(0) }, inputs: [t('float32', [2, 3], [1, 2, 3, 1, 1, 1])], outputs: [t('float32', [2, 3], [0.5, 0.7310585786300049, 0.8807970779778823, 0.5, 0.2689414213699951, 0.11920292202211755])] },
  { name: 'large values are stable', op: 'Softmax', opset: 13, inputs: [t('float32', [2], [1000, 1000])], outputs: [t('float32', [2], [0.5, 0.5])] },
  {
    name: 'opset 11 default axis 1 flattens the trailing dims',
    op: 'Softmax',
    opset: 11,
    inputs: [t('float32', [1, 2, 2], [1, 2, 3, 4])],
    outputs: [t('float32', [1, 2, 2], [0.03205860328008499, 0.08714431874203257, 0.23688281808991013, 0.6439142598879724])],
  },
  { name: 'opset 11 axis 2 is per row', op: 'Softmax', opset: 11, attrs: { axis: attr.int(2) }, inputs: [t('float32', [1, 2, 2], [0, 0, 5, 5])], outputs: [t('float32', [1, 2, 2], [0.5, 0.5, 0.5, 0.5])] },
  { name: 'axis out of range', op: 'Softmax', opset: 13, attrs: { axis: attr.int(2) }, inputs: [t('float32', [2, 3], [1, 2, 3, 1, 1, 1])], throws: 'E_ATTR' },
];
