import { t, type OpCase } from '../op-case';
import { seqNode, viaIf } from './sequence-construct';

export const cases: OpCase[] = [
  viaIf('sequence length of empty', [seqNode('SequenceEmpty', [], ['s']), seqNode('SequenceLength', ['s'], ['n'])], ['n'], [], [t('int64', [], [0])]),
  { name: 'sequence length on a tensor', op: 'SequenceLength', inputs: [t('float32', [1], [1])], throws: 'E_INPUT' },
];
