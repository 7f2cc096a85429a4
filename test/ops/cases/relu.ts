import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Relu', inputs: [t('float32', [4], [-1, 0, 2.5, NaN])], outputs: [t('float32', [4], [0, 0, 2.5, NaN])] },
  { name: 'int64 (opset 14)', op: 'Relu', opset: 14, inputs: [t('int64', [3], [-5, 0, 9007199254740993n])], outputs: [t('int64', [3], [0, 0, 9007199254740993n])] },
  { name: 'int8 (opset 14)', op: 'Relu', opset: 14, inputs: [t('int8', [2], [-128, 127])], outputs: [t('int8', [2], [0, 127])] },
  { name: 'opset 1 with consumed_inputs', op: 'Relu', opset: 1, attrs: { consumed_inputs: attr.ints([0]) }, inputs: [t('float32', [2], [-1, 1])], outputs: [t('float32', [2], [0, 1])] },
];
