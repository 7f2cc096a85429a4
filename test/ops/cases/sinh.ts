import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Sinh', inputs: [t('float32', [2], [-1, 0.5])], outputs: [t('float32', [2], [-1.1752011936438014, 0.5210953054937474])] },
];
