import { attr, t, type OpCase } from '../op-case';

const x = t('float32', [1, 2, 1, 2], [3, 4, 0, -2]);

export const cases: OpCase[] = [
  { name: 'p = 2 (default)', op: 'GlobalLpPool', inputs: [x], outputs: [t('float32', [1, 2, 1, 1], [5, 2])] },
  { name: 'p = 1', op: 'GlobalLpPool', attrs: { p: attr.int(1) }, inputs: [x], outputs: [t('float32', [1, 2, 1, 1], [7, 2])] },
  { name: 'opset 1 float p', op: 'GlobalLpPool', opset: 1, attrs: { p: attr.float(1) }, inputs: [x], outputs: [t('float32', [1, 2, 1, 1], [7, 2])] },
];
