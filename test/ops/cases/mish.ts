import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Mish', opset: 18, inputs: [t('float32', [5], [-2, -0.5, 0, 0.5, 2])], outputs: [t('float32', [5], [-0.2525014826957089, -0.22074377465173, 0, 0.3752452113048951, 1.9439589595339946])] },
];
