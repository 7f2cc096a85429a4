import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'axis 1', op: 'ReduceSumSquare', opset: 18, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('int64', [1], [1])], outputs: [t('float32', [2, 1], [14, 77])] },
  { name: 'attribute (opset 13)', op: 'ReduceSumSquare', opset: 13, attrs: { axes: attr.ints([0]), keepdims: attr.int(0) }, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6])], outputs: [t('float32', [3], [17, 29, 45])] },
  { name: 'noop with empty axes squares each element', op: 'ReduceSumSquare', opset: 18, attrs: { noop_with_empty_axes: attr.int(1) }, inputs: [t('float32', [2], [-2, 3])], outputs: [t('float32', [2], [4, 9])] },
];
