import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'default axis -1, first max wins ties', op: 'Hardmax', opset: 13, inputs: [t('float32', [2, 3], [1, 3, 2, 5, 5, 1])], outputs: [t('float32', [2, 3], [0, 1, 0, 1, 0, 0])] },
  { name: 'axis 0', op: 'Hardmax', opset: 13, attrs: { axis: attr.int(0) }, inputs: [t('float32', [2, 2], [1, 4, 3, 2])], outputs: [t('float32', [2, 2], [0, 1, 1, 0])] },
  { name: 'opset 11 coerces to 2-D at axis 1', op: 'Hardmax', opset: 11, inputs: [t('float32', [1, 2, 2], [1, 4, 3, 2])], outputs: [t('float32', [1, 2, 2], [0, 1, 0, 0])] },
];
