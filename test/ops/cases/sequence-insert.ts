import { t, type OpCase } from '../op-case';
import { seqNode, viaIf } from './sequence-construct';

const [a, b, c] = [t('int64', [1], [1]), t('int64', [1], [2]), t('int64', [1], [3])];
const concat = seqNode('ConcatFromSequence', ['s2'], ['x'], { axis: { type: 'int', value: 0 } });

export const cases: OpCase[] = [
  viaIf('sequence insert appends by default', [seqNode('SequenceConstruct', ['in1', 'in2'], ['s']), seqNode('SequenceInsert', ['s', 'in3'], ['s2']), concat], ['x'], [a, b, c], [t('int64', [3], [1, 2, 3])]),
  viaIf('sequence insert at 0', [seqNode('SequenceConstruct', ['in1', 'in2'], ['s']), seqNode('SequenceInsert', ['s', 'in3', 'in4'], ['s2']), concat], ['x'], [a, b, c, t('int64', [], [0])], [t('int64', [3], [3, 1, 2])]),
  viaIf('sequence insert at -1 goes before the last', [seqNode('SequenceConstruct', ['in1', 'in2'], ['s']), seqNode('SequenceInsert', ['s', 'in3', 'in4'], ['s2']), concat], ['x'], [a, b, c, t('int64', [], [-1])], [t('int64', [3], [1, 3, 2])]),
  { name: 'sequence insert into a tensor', op: 'SequenceInsert', inputs: [a, b], throws: 'E_INPUT' },
  { name: 'sequence insert into a fed sequence', op: 'SequenceInsert', inputs: [[a, b], c, t('int32', [], [1])], outputs: [[a, c, b]] },
];
