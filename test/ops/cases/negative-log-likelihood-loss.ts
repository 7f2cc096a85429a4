import { attr, t, type OpCase } from '../op-case';

// input rows are log-probabilities; loss = -input[n][target[n]] (times weight[target[n]]).
const input = t('float32', [2, 3], [-1, -2, -3, -0.5, -1.5, -2.5]);
const target = t('int64', [2], [0, 2]);
const op = 'NegativeLogLikelihoodLoss';

export const cases: OpCase[] = [
  { name: 'reduction none', op, attrs: { reduction: attr.string('none') }, inputs: [input, target], outputs: [t('float32', [2], [1, 2.5])] },
  { name: 'default reduction is mean', op, inputs: [input, target], outputs: [t('float32', [], [1.75])] },
  { name: 'reduction sum', op, attrs: { reduction: attr.string('sum') }, inputs: [input, target], outputs: [t('float32', [], [3.5])] },
  {
    name: 'weighted mean divides by the gathered weights',
    op,
    inputs: [input, target, t('float32', [3], [0.2, 1, 0.5])],
    // (1*0.2 + 2.5*0.5) / (0.2 + 0.5) = 1.45 / 0.7
    outputs: [t('float32', [], [1.45 / 0.7])],
  },
  {
    name: 'ignore_index drops the element from the mean',
    op,
    attrs: { ignore_index: attr.int(2) },
    inputs: [input, target],
    outputs: [t('float32', [], [1])],
  },
  {
    name: 'ignore_index outside [0, C) with weights, reduction none',
    op,
    attrs: { ignore_index: attr.int(-1), reduction: attr.string('none') },
    inputs: [input, t('int32', [2], [-1, 1]), t('float32', [3], [1, 2, 3])],
    outputs: [t('float32', [2], [0, 3])],
  },
  {
    name: 'N-D: (N=1, C=2, d1=2)',
    op,
    attrs: { reduction: attr.string('none') },
    // input[0][c][d]: c0 = [-1, -2], c1 = [-3, -4]; target [[1, 0]] picks (c1,d0) and (c0,d1).
    inputs: [t('float64', [1, 2, 2], [-1, -2, -3, -4]), t('int64', [1, 2], [1, 0])],
    outputs: [t('float64', [1, 2], [3, 2])],
  },
  { name: 'target out of range', op, inputs: [input, t('int64', [2], [0, 3])], throws: 'E_INPUT' },
  { name: 'unknown reduction', op, attrs: { reduction: attr.string('max') }, inputs: [input, target], throws: 'E_UNSUPPORTED_ATTR' },
];
