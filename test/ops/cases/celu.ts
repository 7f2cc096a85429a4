import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'alpha 2', op: 'Celu', opset: 12, attrs: { alpha: attr.float(2) }, inputs: [t('float32', [5], [-2, -0.5, 0, 0.5, 2])], outputs: [t('float32', [5], [-1.2642411176571153, -0.44239843385719024, 0, 0.5, 2])] },
  { name: 'default alpha equals elu', op: 'Celu', opset: 12, inputs: [t('float32', [2], [-2, 1])], outputs: [t('float32', [2], [-0.8646647167633873, 1])] },
];
