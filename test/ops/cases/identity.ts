import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'identity float32', op: 'Identity', inputs: [t('float32', [2], [1, -2])], outputs: [t('float32', [2], [1, -2])] },
  { name: 'identity strings', op: 'Identity', inputs: [t('string', [1], ['x'])], outputs: [t('string', [1], ['x'])] },
  { name: 'identity float16 (opset 1)', op: 'Identity', opset: 1, inputs: [t('float16', [], [0.25])], outputs: [t('float16', [], [0.25])] },
];
