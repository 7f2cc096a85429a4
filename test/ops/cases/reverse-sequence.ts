import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    // spec example: time_axis 0, batch_axis 1, lens [4,3,2,1] on x[t][b] = 4t + b
    name: 'reverse sequence time-major',
    op: 'ReverseSequence',
    inputs: [t('float32', [4, 4], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]), t('int64', [4], [4, 3, 2, 1])],
    outputs: [t('float32', [4, 4], [12, 9, 6, 3, 8, 5, 2, 7, 4, 1, 10, 11, 0, 13, 14, 15])],
  },
  {
    // spec example: batch_axis 0, time_axis 1, lens [1,2,3,4] on x[b][t] = 4b + t
    name: 'reverse sequence batch-major',
    op: 'ReverseSequence',
    attrs: { batch_axis: attr.int(0), time_axis: attr.int(1) },
    inputs: [t('string', [4, 4], ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']), t('int64', [4], [1, 2, 3, 4])],
    outputs: [t('string', [4, 4], ['0', '1', '2', '3', '5', '4', '6', '7', '10', '9', '8', '11', '15', '14', '13', '12'])],
  },
  { name: 'reverse sequence lens too long', op: 'ReverseSequence', inputs: [t('float32', [2, 1], [1, 2]), t('int64', [1], [3])], throws: 'E_INPUT' },
];
