import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'axis 1', op: 'ReduceLogSumExp', opset: 18, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('int64', [1], [1])], outputs: [t('float32', [2, 1], [3.40760596444438, 6.407605964444381])] },
  { name: 'all (opset 13)', op: 'ReduceLogSumExp', opset: 13, attrs: { keepdims: attr.int(0) }, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6])], outputs: [t('float32', [], [6.456193316018123])] },
  { name: 'large values do not overflow', op: 'ReduceLogSumExp', opset: 18, inputs: [t('float32', [2], [1000, 999])], outputs: [t('float32', [1], [1000.3132616875182])] },
  { name: 'empty gives -inf', op: 'ReduceLogSumExp', opset: 18, inputs: [t('float32', [0], []), t('int64', [1], [0])], outputs: [t('float32', [1], [-Infinity])] },
];
