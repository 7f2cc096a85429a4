import { attr, t, type OpCase } from '../op-case';
import { seqNode, viaIf } from './sequence-construct';

const x = t('int32', [5], [1, 2, 3, 4, 5]);
const m = t('int32', [2, 2], [1, 2, 3, 4]);

export const cases: OpCase[] = [
  viaIf(
    'split to sequence by chunk size (last smaller)',
    [seqNode('SplitToSequence', ['in1', 'in2'], ['s']), seqNode('SequenceLength', ['s'], ['n']), seqNode('SequenceAt', ['s', 'in3'], ['last'])],
    ['n', 'last'],
    [x, t('int64', [], [2]), t('int64', [], [-1])],
    [t('int64', [], [3]), t('int32', [1], [5])],
  ),
  viaIf(
    'split to sequence by sizes',
    [seqNode('SplitToSequence', ['in1', 'in2'], ['s']), seqNode('SequenceAt', ['s', 'in3'], ['second'])],
    ['second'],
    [x, t('int64', [2], [1, 4]), t('int64', [], [1])],
    [t('int32', [4], [2, 3, 4, 5])],
  ),
  viaIf(
    'split to sequence keepdims=0 drops the axis',
    [seqNode('SplitToSequence', ['in1'], ['s'], { axis: attr.int(1), keepdims: attr.int(0) }), seqNode('SequenceAt', ['s', 'in2'], ['col'])],
    ['col'],
    [m, t('int64', [], [1])],
    [t('int32', [2], [2, 4])],
  ),
  viaIf(
    'split to sequence keepdims=1 keeps size-1 pieces',
    [seqNode('SplitToSequence', ['in1'], ['s']), seqNode('SequenceAt', ['s', 'in2'], ['row'])],
    ['row'],
    [m, t('int64', [], [0])],
    [t('int32', [1, 2], [1, 2])],
  ),
  { name: 'split to sequence sizes do not sum', op: 'SplitToSequence', inputs: [x, t('int64', [2], [1, 1])], throws: 'E_INPUT' },
  { name: 'split to sequence fed and returned directly', op: 'SplitToSequence', inputs: [x, t('int64', [2], [2, 3])], outputs: [[t('int32', [2], [1, 2]), t('int32', [3], [3, 4, 5])]] },
];
