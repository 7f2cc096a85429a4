import { attr, t, type OpCase } from '../op-case';

const size = (n: number) => t('int64', [], [n]);

export const cases: OpCase[] = [
  { name: 'periodic (N = size)', op: 'HannWindow', opset: 17, inputs: [size(4)], outputs: [t('float32', [4], [0, 0.5, 1, 0.5])] },
  {
    name: 'symmetric (N = size - 1), float64 output',
    op: 'HannWindow',
    opset: 17,
    attrs: { periodic: attr.int(0), output_datatype: attr.int(11) },
    inputs: [t('int32', [], [5])],
    outputs: [t('float64', [5], [0, 0.5, 1, 0.5, 0])],
  },
  { name: 'symmetric window of one sample is [1]', op: 'HannWindow', opset: 17, attrs: { periodic: attr.int(0) }, inputs: [size(1)], outputs: [t('float32', [1], [1])] },
  { name: 'negative size', op: 'HannWindow', opset: 17, inputs: [size(-1)], throws: 'E_INPUT' },
];
