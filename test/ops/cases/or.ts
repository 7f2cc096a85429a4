import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'truth table', op: 'Or', inputs: [t('bool', [4], [0, 0, 1, 1]), t('bool', [4], [0, 1, 0, 1])], outputs: [t('bool', [4], [0, 1, 1, 1])] },
  { name: 'legacy broadcast (opset 1)', op: 'Or', opset: 1, attrs: { broadcast: attr.int(1) }, inputs: [t('bool', [2, 2], [0, 0, 1, 0]), t('bool', [2], [0, 1])], outputs: [t('bool', [2, 2], [0, 1, 1, 1])] },
];
