import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'default alpha 1', op: 'ThresholdedRelu', opset: 10, inputs: [t('float32', [4], [-1, 0.5, 1, 1.5])], outputs: [t('float32', [4], [0, 0, 0, 1.5])] },
  { name: 'alpha 2', op: 'ThresholdedRelu', opset: 10, attrs: { alpha: attr.float(2) }, inputs: [t('float32', [3], [1, 2, 3])], outputs: [t('float32', [3], [0, 0, 3])] },
];
