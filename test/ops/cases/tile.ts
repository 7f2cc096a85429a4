import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'tile 2-d',
    op: 'Tile',
    inputs: [t('float32', [2, 2], [1, 2, 3, 4]), t('int64', [2], [2, 3])],
    outputs: [t('float32', [4, 6], [1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4])],
  },
  { name: 'tile with zero repeat', op: 'Tile', inputs: [t('bool', [2], [1, 0]), t('int64', [1], [0])], outputs: [t('bool', [0], [])] },
  { name: 'tile opset 1 (tiles, axis)', op: 'Tile', opset: 1, inputs: [t('int32', [1, 2], [5, 6]), t('int64', [], [2]), t('int64', [], [0])], outputs: [t('int32', [2, 2], [5, 6, 5, 6])] },
  { name: 'tile repeats length mismatch', op: 'Tile', inputs: [t('float32', [2], [1, 2]), t('int64', [2], [1, 1])], throws: 'E_INPUT' },
];
