import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Abs', inputs: [t('float32', [3], [-1.5, 0, 2])], outputs: [t('float32', [3], [1.5, 0, 2])] },
  { name: 'int64 exact', op: 'Abs', inputs: [t('int64', [2], [-9007199254740993n, 4n])], outputs: [t('int64', [2], [9007199254740993n, 4n])] },
  { name: 'int8', op: 'Abs', inputs: [t('int8', [2], [-5, 5])], outputs: [t('int8', [2], [5, 5])] },
];
