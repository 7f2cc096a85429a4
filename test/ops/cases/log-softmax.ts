import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'default axis -1 (opset 13)', op: 'LogSoftmax', opset: 13, inputs: [t('float32', [2, 3], [1, 2, 3, 1, 1, 1])], outputs: [t('float32', [2, 3], [-2.40760596444438, -1.4076059644443804, -0.40760596444438046, -1.0986122886681098, -1.0986122886681098, -1.0986122886681098])] },
  {
    name: 'opset 1 default axis 1 flattens the trailing dims',
    op: 'LogSoftmax',
    opset: 1,
    inputs: [t('float32', [1, 2, 2], [1, 2, 3, 4])],
    outputs: [t('float32', [1, 2, 2], [-3.4401896985611953, -2.4401896985611953, -1.4401896985611953, -0.4401896985611953])],
  },
  { name: 'large values are stable', op: 'LogSoftmax', opset: 13, inputs: [t('float64', [2], [10000, 10000])], outputs: [t('float64', [2], [-Math.LN2, -Math.LN2])] },
];
