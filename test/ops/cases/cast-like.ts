import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32 like int32', op: 'CastLike', opset: 15, inputs: [t('float32', [3], [1.5, -2.5, 7]), t('int32', [0], [])], outputs: [t('int32', [3], [1, -2, 7])] },
  { name: 'float64 like float16', op: 'CastLike', opset: 15, inputs: [t('float64', [2], [0.5, 65504]), t('float16', [1], [0])], outputs: [t('float16', [2], [0.5, 65504])] },
  { name: 'string like float32', op: 'CastLike', opset: 15, inputs: [t('string', [2], ['-inf', '2.5']), t('float32', [1], [0])], outputs: [t('float32', [2], [-Infinity, 2.5])] },
];
