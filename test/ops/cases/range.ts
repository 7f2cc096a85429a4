import { t, type OpCase } from '../op-case';

const s = (dtype: 'float32' | 'int32' | 'int64' | 'float64', v: number) => t(dtype, [], [v]);

export const cases: OpCase[] = [
  { name: 'range int32 positive delta', op: 'Range', inputs: [s('int32', 1), s('int32', 8), s('int32', 3)], outputs: [t('int32', [3], [1, 4, 7])] },
  { name: 'range float32 negative delta', op: 'Range', inputs: [s('float32', 10), s('float32', 6), s('float32', -1.5)], outputs: [t('float32', [3], [10, 8.5, 7])] },
  { name: 'range int64 empty when limit is behind start', op: 'Range', inputs: [s('int64', 5), s('int64', 1), s('int64', 2)], outputs: [t('int64', [0], [])] },
  { name: 'range int64 negative delta, uneven span', op: 'Range', inputs: [s('int64', 10), s('int64', 3), s('int64', -3)], outputs: [t('int64', [3], [10, 7, 4])] },
  { name: 'range float64 fractional', op: 'Range', inputs: [s('float64', 0), s('float64', 1), s('float64', 0.25)], outputs: [t('float64', [4], [0, 0.25, 0.5, 0.75])] },
  { name: 'range zero delta', op: 'Range', inputs: [s('int32', 0), s('int32', 1), s('int32', 0)], throws: 'E_INPUT' },
];
