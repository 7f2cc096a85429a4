import { attr, t, type OpCase } from '../op-case';

// scores [[0, 0], [ln 3, 0]]: softmax rows [0.5, 0.5] and [0.75, 0.25].
const scores = t('float32', [2, 2], [0, 0, Math.log(3), 0]);
const labels = t('int64', [2], [1, 1]);
const logProb = t('float32', [2, 2], [Math.log(0.5), Math.log(0.5), Math.log(0.75), Math.log(0.25)]);
const op = 'SoftmaxCrossEntropyLoss';

export const cases: OpCase[] = [
  { name: 'mean of -log p(label)', op, inputs: [scores, labels], outputs: [t('float32', [], [(Math.log(2) + Math.log(4)) / 2])] },
  {
    name: 'reduction none with the log_prob output',
    op,
    attrs: { reduction: attr.string('none') },
    inputs: [scores, labels],
    outputs: [t('float32', [2], [Math.log(2), Math.log(4)]), logProb],
  },
  {
    name: 'sum with weights',
    op,
    attrs: { reduction: attr.string('sum') },
    inputs: [scores, labels, t('float32', [2], [1, 0.5])],
    outputs: [t('float32', [], [0.5 * Math.log(2) + 0.5 * Math.log(4)])],
  },
  {
    name: 'ignore_index with mean',
    op,
    attrs: { ignore_index: attr.int(0) },
    inputs: [scores, t('int64', [2], [0, 1])],
    outputs: [t('float32', [], [Math.log(4)])],
  },
  {
    name: 'N-D scores (N=1, C=2, d1=2)',
    op,
    attrs: { reduction: attr.string('none') },
    // column d0: scores [0, 0] -> p 0.5; column d1: scores [ln 3, 0] -> p [0.75, 0.25].
    inputs: [t('float64', [1, 2, 2], [0, Math.log(3), 0, 0]), t('int64', [1, 2], [0, 0])],
    outputs: [t('float64', [1, 2], [Math.log(2), -Math.log(0.75)])],
  },
  { name: 'scores of rank 1', op, inputs: [t('float32', [2], [0, 0]), t('int64', [], [0])], throws: 'E_SHAPE' },
];
