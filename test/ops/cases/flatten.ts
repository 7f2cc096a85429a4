import { attr, t, type OpCase } from '../op-case';

const x = t('float32', [2, 3, 2], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
const flat = (dims: number[]) => t('float32', dims, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

export const cases: OpCase[] = [
  { name: 'flatten default axis 1', op: 'Flatten', inputs: [x], outputs: [flat([2, 6])] },
  { name: 'flatten axis 0', op: 'Flatten', attrs: { axis: attr.int(0) }, inputs: [x], outputs: [flat([1, 12])] },
  { name: 'flatten axis = rank', op: 'Flatten', attrs: { axis: attr.int(3) }, inputs: [x], outputs: [flat([12, 1])] },
  { name: 'flatten negative axis', op: 'Flatten', attrs: { axis: attr.int(-1) }, inputs: [x], outputs: [flat([6, 2])] },
  { name: 'flatten axis out of range', op: 'Flatten', attrs: { axis: attr.int(4) }, inputs: [x], throws: 'E_ATTR' },
];
