import { attr, t, type OpCase } from '../op-case';

// α = 25/46, β = 21/46: w = [α-β, α, α+β, α] for a periodic window of 4.
export const cases: OpCase[] = [
  { name: 'periodic', op: 'HammingWindow', opset: 17, inputs: [t('int64', [], [4])], outputs: [t('float32', [4], [4 / 46, 25 / 46, 1, 25 / 46])] },
  {
    name: 'symmetric of 3: [α-β, α+β, α-β]',
    op: 'HammingWindow',
    opset: 17,
    attrs: { periodic: attr.int(0) },
    inputs: [t('int64', [], [3])],
    outputs: [t('float32', [3], [4 / 46, 1, 4 / 46])],
  },
  { name: 'zero size', op: 'HammingWindow', opset: 17, inputs: [t('int64', [], [0])], outputs: [t('float32', [0], [])] },
];
