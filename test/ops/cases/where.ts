import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'three-way broadcast',
    op: 'Where',
    inputs: [t('bool', [2, 1], [1, 0]), t('float32', [2], [1, 2]), t('float32', [], [9])],
    outputs: [t('float32', [2, 2], [1, 2, 9, 9])],
  },
  { name: 'int64 exact', op: 'Where', inputs: [t('bool', [2], [1, 0]), t('int64', [2], [9007199254740993n, 1n]), t('int64', [2], [0n, -9007199254740993n])], outputs: [t('int64', [2], [9007199254740993n, -9007199254740993n])] },
  { name: 'strings (opset 16)', op: 'Where', opset: 16, inputs: [t('bool', [2], [0, 1]), t('string', [2], ['a', 'b']), t('string', [2], ['x', 'y'])], outputs: [t('string', [2], ['x', 'b'])] },
  { name: 'non-bool condition rejected', op: 'Where', inputs: [t('int32', [1], [1]), t('float32', [1], [1]), t('float32', [1], [2])], throws: 'E_DTYPE' },
];
