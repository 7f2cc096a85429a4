import type { Graph, Node } from '../../../src/ir/graph';
import { attr, t, type OpCase, type TensorSpec } from '../op-case';

/**
 * The op-case harness feeds and checks tensors only, so sequence ops are exercised inside an If whose
 * then_branch builds the sequence from the case's inputs (read from the outer scope as in1, in2, ...)
 * and ends in a tensor. The other sequence-op case files import these helpers.
 */
export function seqNode(op: string, inputs: string[], outputs: string[], attributes: Node['attributes'] = {}): Node {
  return { name: `${op}_${outputs[0]}`, op, domain: '', inputs, outputs, attributes };
}

export function viaIf(name: string, nodes: Node[], outputs: string[], inputs: TensorSpec[], expected: TensorSpec[]): OpCase {
  const then: Graph = { name: 'then', nodes, inputs: [], outputs: outputs.map((n) => ({ name: n })), valueInfo: [], initializers: new Map() };
  const unused: Graph = { name: 'else', nodes: [], inputs: [], outputs: [], valueInfo: [], initializers: new Map() };
  return {
    name,
    op: 'If',
    attrs: { then_branch: attr.graph(then), else_branch: attr.graph(unused) },
    inputs: [t('bool', [], [true]), ...inputs],
    outputs: expected,
  };
}

const a = t('float32', [2], [1, 2]);
const b = t('float32', [1], [3]);

export const cases: OpCase[] = [
  viaIf('sequence construct then at/length', [seqNode('SequenceConstruct', ['in1', 'in2'], ['s']), seqNode('SequenceAt', ['s', 'in3'], ['x']), seqNode('SequenceLength', ['s'], ['n'])], ['x', 'n'], [a, b, t('int64', [], [1])], [b, t('int64', [], [2])]),
  { name: 'sequence construct mixed dtypes', op: 'SequenceConstruct', inputs: [a, t('int64', [1], [1])], throws: 'E_DTYPE' },
];

// Sequences fed and checked directly (the harness takes TensorSpec[] for a sequence value).
cases.push(
  {
    name: 'sequence length of a fed sequence',
    op: 'SequenceLength',
    inputs: [[t('float32', [1], [1]), t('float32', [2], [2, 3])]],
    outputs: [t('int64', [], [2])],
  },
  {
    name: 'sequence construct returns the tensors in order',
    op: 'SequenceConstruct',
    inputs: [t('int32', [2], [1, 2]), t('int32', [1], [3])],
    outputs: [[t('int32', [2], [1, 2]), t('int32', [1], [3])]],
  },
);
