import { attr, t, type OpCase } from '../op-case';

const x = t('float32', [3, 2], [1, 2, 3, 4, 5, 6]);

export const cases: OpCase[] = [
  { name: 'compress axis 0', op: 'Compress', attrs: { axis: attr.int(0) }, inputs: [x, t('bool', [3], [0, 1, 1])], outputs: [t('float32', [2, 2], [3, 4, 5, 6])] },
  { name: 'compress axis 1', op: 'Compress', attrs: { axis: attr.int(1) }, inputs: [x, t('bool', [2], [0, 1])], outputs: [t('float32', [3, 1], [2, 4, 6])] },
  { name: 'compress negative axis, short condition', op: 'Compress', attrs: { axis: attr.int(-2) }, inputs: [x, t('bool', [2], [0, 1])], outputs: [t('float32', [1, 2], [3, 4])] },
  { name: 'compress flattened', op: 'Compress', inputs: [x, t('bool', [5], [0, 1, 0, 0, 1])], outputs: [t('float32', [2], [2, 5])] },
  { name: 'compress nothing selected', op: 'Compress', attrs: { axis: attr.int(0) }, inputs: [t('int64', [2], [1, 2]), t('bool', [2], [0, 0])], outputs: [t('int64', [0], [])] },
  { name: 'compress condition too long', op: 'Compress', attrs: { axis: attr.int(1) }, inputs: [x, t('bool', [3], [1, 1, 1])], throws: 'E_INPUT' },
];
