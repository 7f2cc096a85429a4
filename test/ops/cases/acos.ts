import { t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Acos', inputs: [t('float32', [2], [-0.5, 0.5])], outputs: [t('float32', [2], [2.0943951023931957, 1.0471975511965976])] },
];
