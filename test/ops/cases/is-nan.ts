import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'IsNaN', inputs: [t('float32', [4], [NaN, 1, Infinity, -0])], outputs: [t('bool', [4], [1, 0, 0, 0])] },
  { name: 'float16', op: 'IsNaN', opset: 13, inputs: [t('float16', [2], [NaN, 65504])], outputs: [t('bool', [2], [1, 0])] },
];
