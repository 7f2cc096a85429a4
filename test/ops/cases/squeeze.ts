import { attr, t, type OpCase } from '../op-case';

const x = t('float32', [1, 2, 1], [5, 6]);

export const cases: OpCase[] = [
  { name: 'squeeze all size-1 dims', op: 'Squeeze', inputs: [x], outputs: [t('float32', [2], [5, 6])] },
  { name: 'squeeze axes input (opset 13)', op: 'Squeeze', opset: 13, inputs: [x, t('int64', [1], [-1])], outputs: [t('float32', [1, 2], [5, 6])] },
  { name: 'squeeze axes attribute (opset 11)', op: 'Squeeze', opset: 11, attrs: { axes: attr.ints([0]) }, inputs: [x], outputs: [t('float32', [2, 1], [5, 6])] },
  { name: 'squeeze a dim that is not 1', op: 'Squeeze', inputs: [x, t('int64', [1], [1])], throws: 'E_SHAPE' },
];
