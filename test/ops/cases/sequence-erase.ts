import { attr, t, type OpCase } from '../op-case';
import { seqNode, viaIf } from './sequence-construct';

const [a, b, c] = [t('string', [1], ['a']), t('string', [1], ['b']), t('string', [1], ['c'])];
const build = seqNode('SequenceConstruct', ['in1', 'in2', 'in3'], ['s']);
const concat = seqNode('ConcatFromSequence', ['s2'], ['x'], { axis: attr.int(0) });

export const cases: OpCase[] = [
  viaIf('sequence erase last by default', [build, seqNode('SequenceErase', ['s'], ['s2']), concat], ['x'], [a, b, c], [t('string', [2], ['a', 'b'])]),
  viaIf('sequence erase position 1', [build, seqNode('SequenceErase', ['s', 'in4'], ['s2']), concat], ['x'], [a, b, c, t('int64', [], [1])], [t('string', [2], ['a', 'c'])]),
  { name: 'sequence erase on a tensor', op: 'SequenceErase', inputs: [a], throws: 'E_INPUT' },
  // Fed directly: the harness takes a TensorSpec[] for a sequence input.
  { name: 'sequence erase of a fed sequence', op: 'SequenceErase', inputs: [[a, b, c], t('int64', [], [0])], outputs: [[b, c]] },
];
