import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'axis 1', op: 'ReduceLogSum', opset: 18, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('int64', [1], [1])], outputs: [t('float32', [2, 1], [1.791759469228055, 2.70805020110221])] },
  { name: 'attribute (opset 13)', op: 'ReduceLogSum', opset: 13, attrs: { axes: attr.ints([0]), keepdims: attr.int(0) }, inputs: [t('float32', [2, 1], [0.5, 0.5])], outputs: [t('float32', [1], [0])] },
  { name: 'empty gives -inf', op: 'ReduceLogSum', opset: 18, inputs: [t('float32', [0], []), t('int64', [1], [0])], outputs: [t('float32', [1], [-Infinity])] },
];
