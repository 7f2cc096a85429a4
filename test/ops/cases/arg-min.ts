import { attr, t, type OpCase } from '../op-case';

const X = t('float32', [2, 3], [1, 0, 0, -7, 2, -7]);

export const cases: OpCase[] = [
  { name: 'default axis 0, keepdims', op: 'ArgMin', inputs: [X], outputs: [t('int64', [1, 3], [1, 0, 1])] },
  { name: 'axis 1, first index on ties', op: 'ArgMin', attrs: { axis: attr.int(1), keepdims: attr.int(0) }, inputs: [X], outputs: [t('int64', [2], [1, 0])] },
  { name: 'select_last_index (opset 12)', op: 'ArgMin', opset: 12, attrs: { axis: attr.int(1), keepdims: attr.int(0), select_last_index: attr.int(1) }, inputs: [X], outputs: [t('int64', [2], [2, 2])] },
];
