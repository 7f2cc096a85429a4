import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'axis 1', op: 'ReduceProd', opset: 18, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('int64', [1], [1])], outputs: [t('float32', [2, 1], [6, 120])] },
  { name: 'axes attribute (opset 13), all', op: 'ReduceProd', opset: 13, attrs: { keepdims: attr.int(0) }, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6])], outputs: [t('float32', [], [720])] },
  { name: 'empty reduction gives 1', op: 'ReduceProd', opset: 18, inputs: [t('float32', [0], []), t('int64', [1], [0])], outputs: [t('float32', [1], [1])] },
  { name: 'int64', op: 'ReduceProd', opset: 18, inputs: [t('int64', [3], [-2, 3, 4])], outputs: [t('int64', [1], [-24])] },
];
