import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'both signs', op: 'IsInf', inputs: [t('float32', [4], [Infinity, -Infinity, NaN, 1e30])], outputs: [t('bool', [4], [1, 1, 0, 0])] },
  { name: 'detect_negative=0', op: 'IsInf', attrs: { detect_negative: attr.int(0) }, inputs: [t('float32', [2], [Infinity, -Infinity])], outputs: [t('bool', [2], [1, 0])] },
  { name: 'detect_positive=0', op: 'IsInf', attrs: { detect_positive: attr.int(0) }, inputs: [t('float64', [2], [Infinity, -Infinity])], outputs: [t('bool', [2], [0, 1])] },
];
