import { attr, t, type OpCase } from '../op-case';
import { seqNode, viaIf } from './sequence-construct';

export const cases: OpCase[] = [
  viaIf(
    'sequence empty then insert and concat',
    [seqNode('SequenceEmpty', [], ['s'], { dtype: attr.int(7) }), seqNode('SequenceInsert', ['s', 'in1'], ['s1']), seqNode('ConcatFromSequence', ['s1'], ['x'], { axis: attr.int(0) })],
    ['x'],
    [t('int64', [2], [4, 5])],
    [t('int64', [2], [4, 5])],
  ),
  { name: 'sequence empty with an unknown dtype code', op: 'SequenceEmpty', attrs: { dtype: attr.int(99) }, inputs: [], throws: 'E_ATTR' },
  { name: 'sequence empty gives no tensors', op: 'SequenceEmpty', attrs: { dtype: attr.int(1) }, inputs: [], outputs: [[]] },
];
