import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'exact (erf)',
    op: 'Gelu',
    opset: 20,
    inputs: [t('float32', [5], [-2, -0.5, 0, 0.5, 2])],
    outputs: [t('float32', [5], [-0.04550026389635842, -0.15426876936299344, 0, 0.34573123063700656, 1.9544997361036416])],
  },
  {
    name: 'tanh approximation',
    op: 'Gelu',
    opset: 20,
    attrs: { approximate: attr.string('tanh') },
    inputs: [t('float32', [5], [-2, -0.5, 0, 0.5, 2])],
    outputs: [t('float32', [5], [-0.04540230591222494, -0.15428599017485606, 0, 0.34571400982514394, 1.954597694087775])],
  },
  { name: 'unknown approximate', op: 'Gelu', opset: 20, attrs: { approximate: attr.string('fast') }, inputs: [t('float32', [1], [1])], throws: 'E_UNSUPPORTED_ATTR' },
];
