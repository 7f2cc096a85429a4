import { attr, t, type OpCase } from '../op-case';

const X = t('float32', [2, 3], [1, 5, 5, 7, 2, 7]);

export const cases: OpCase[] = [
  { name: 'default axis 0, keepdims', op: 'ArgMax', inputs: [X], outputs: [t('int64', [1, 3], [1, 0, 1])] },
  { name: 'axis 1, first index on ties', op: 'ArgMax', attrs: { axis: attr.int(1) }, inputs: [X], outputs: [t('int64', [2, 1], [1, 0])] },
  { name: 'select_last_index (opset 12)', op: 'ArgMax', opset: 12, attrs: { axis: attr.int(-1), keepdims: attr.int(0), select_last_index: attr.int(1) }, inputs: [X], outputs: [t('int64', [2], [2, 2])] },
  { name: 'int64 beyond 2^53', op: 'ArgMax', attrs: { keepdims: attr.int(0) }, inputs: [t('int64', [2], [9007199254740993n, 9007199254740992n])], outputs: [t('int64', [], [0])] },
  { name: 'axis out of range', op: 'ArgMax', attrs: { axis: attr.int(2) }, inputs: [X], throws: 'E_ATTR' },
];
