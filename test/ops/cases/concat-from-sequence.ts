import { attr, t, type OpCase } from '../op-case';
import { seqNode, viaIf } from './sequence-construct';

const a = t('float32', [2], [1, 2]);
const b = t('float32', [2], [3, 4]);
const build = seqNode('SequenceConstruct', ['in1', 'in2'], ['s']);

export const cases: OpCase[] = [
  viaIf('concat from sequence axis 0', [build, seqNode('ConcatFromSequence', ['s'], ['x'], { axis: attr.int(0) })], ['x'], [a, b], [t('float32', [4], [1, 2, 3, 4])]),
  viaIf('concat from sequence new_axis stacks', [build, seqNode('ConcatFromSequence', ['s'], ['x'], { axis: attr.int(0), new_axis: attr.int(1) })], ['x'], [a, b], [t('float32', [2, 2], [1, 2, 3, 4])]),
  viaIf('concat from sequence new_axis at -1', [build, seqNode('ConcatFromSequence', ['s'], ['x'], { axis: attr.int(-1), new_axis: attr.int(1) })], ['x'], [a, b], [t('float32', [2, 2], [1, 3, 2, 4])]),
  { name: 'concat from sequence on a tensor', op: 'ConcatFromSequence', attrs: { axis: attr.int(0) }, inputs: [a], throws: 'E_INPUT' },
  { name: 'concat from a fed sequence', op: 'ConcatFromSequence', attrs: { axis: attr.int(0) }, inputs: [[a, b]], outputs: [t('float32', [4], [1, 2, 3, 4])] },
];
