import { attr, t, type OpCase } from '../op-case';

// 0.42 - 0.5·cos(2πn/N) + 0.08·cos(4πn/N): N=4 gives [0.42-0.5+0.08, 0.42-0.08, 0.42+0.5+0.08, 0.42-0.08].
export const cases: OpCase[] = [
  { name: 'periodic', op: 'BlackmanWindow', opset: 17, inputs: [t('int64', [], [4])], outputs: [t('float32', [4], [0, 0.34, 1, 0.34])] },
  {
    name: 'symmetric, float16 output',
    op: 'BlackmanWindow',
    opset: 17,
    attrs: { periodic: attr.int(0), output_datatype: attr.int(10) },
    inputs: [t('int32', [], [5])],
    outputs: [t('float16', [5], [0, 0.34, 1, 0.34, 0])],
    atol: 1e-3,
  },
];
