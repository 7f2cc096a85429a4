import { t, type OpCase } from '../op-case';
import { seqNode, viaIf } from './sequence-construct';

const [a, b, c] = [t('int64', [1], [10]), t('int64', [1], [20]), t('int64', [2], [30, 31])];
const build = seqNode('SequenceConstruct', ['in1', 'in2', 'in3'], ['s']);

export const cases: OpCase[] = [
  viaIf('sequence at first', [build, seqNode('SequenceAt', ['s', 'in4'], ['x'])], ['x'], [a, b, c, t('int64', [], [0])], [a]),
  viaIf('sequence at negative position', [build, seqNode('SequenceAt', ['s', 'in4'], ['x'])], ['x'], [a, b, c, t('int32', [], [-1])], [c]),
  { ...viaIf('sequence at out of range', [build, seqNode('SequenceAt', ['s', 'in4'], ['x'])], ['x'], [a, b, c, t('int64', [], [3])], []), outputs: undefined, throws: 'E_INPUT' },
  { name: 'sequence at on a tensor', op: 'SequenceAt', inputs: [a, t('int64', [], [0])], throws: 'E_INPUT' },
  // Fed directly: the harness takes a TensorSpec[] for a sequence input.
  { name: 'sequence at of a fed sequence', op: 'SequenceAt', inputs: [[a, b, c], t('int64', [], [2])], outputs: [c] },
];
