import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'axis 0', op: 'ReduceL2', opset: 18, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6]), t('int64', [1], [0])], outputs: [t('float32', [1, 3], [4.123105625617661, 5.385164807134504, 6.708203932499369])] },
  { name: 'all (opset 13)', op: 'ReduceL2', opset: 13, attrs: { keepdims: attr.int(0) }, inputs: [t('float32', [2, 3], [1, 2, 3, 4, 5, 6])], outputs: [t('float32', [], [9.539392014169456])] },
  { name: '3-4-5', op: 'ReduceL2', opset: 18, inputs: [t('float32', [2], [3, -4])], outputs: [t('float32', [1], [5])] },
];
