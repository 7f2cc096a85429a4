import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Asinh', inputs: [t('float32', [2], [-1, 0.5])], outputs: [t('float32', [2], [-0.881373587019543, 0.48121182505960347])] },
];
