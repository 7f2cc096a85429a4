import type { Graph, Node } from '../../../src/ir/graph';
import { Tensor } from '../../../src/ir/tensor';
import { attr, t, type OpCase } from '../op-case';

/** A branch graph with no inputs, built from nodes; outputs named explicitly. */
function branch(name: string, nodes: Node[], outputs: string[]): Graph {
  return { name, nodes, inputs: [], outputs: outputs.map((n) => ({ name: n })), valueInfo: [], initializers: new Map() };
}
function node(op: string, inputs: string[], outputs: string[], attributes: Node['attributes'] = {}): Node {
  return { name: `${op}_${outputs[0]}`, op, domain: '', inputs, outputs, attributes };
}

const constBranch = (name: string, values: number[]) =>
  branch(name, [node('Constant', [], [`${name}_out`], { value: attr.tensor(new Tensor('float32', [values.length], Float32Array.from(values))) })], [`${name}_out`]);

// Both branches read the outer-scope value in1 (the node's second input) by name.
const thenReadsOuter = branch('then', [node('Identity', ['in1'], ['then_out'])], ['then_out']);
const elseReadsOuter = branch('else', [node('Transpose', ['in1'], ['else_out'])], ['else_out']);

export const cases: OpCase[] = [
  {
    name: 'if true runs then_branch',
    op: 'If',
    attrs: { then_branch: attr.graph(constBranch('then', [1, 2])), else_branch: attr.graph(constBranch('else', [3, 4, 5])) },
    inputs: [t('bool', [], [true])],
    outputs: [t('float32', [2], [1, 2])],
  },
  {
    name: 'if false runs else_branch',
    op: 'If',
    attrs: { then_branch: attr.graph(constBranch('then', [1, 2])), else_branch: attr.graph(constBranch('else', [3, 4, 5])) },
    inputs: [t('bool', [1], [false])],
    outputs: [t('float32', [3], [3, 4, 5])],
  },
  {
    name: 'if branches read an outer-scope value',
    op: 'If',
    attrs: { then_branch: attr.graph(thenReadsOuter), else_branch: attr.graph(elseReadsOuter) },
    inputs: [t('bool', [], [false]), t('string', [1, 2], ['a', 'b'])],
    outputs: [t('string', [2, 1], ['a', 'b'])],
  },
  {
    name: 'if with two outputs (opset 11)',
    op: 'If',
    opset: 11,
    attrs: {
      then_branch: attr.graph(branch('then', [node('Identity', ['in1'], ['a']), node('Shape', ['in1'], ['b'])], ['a', 'b'])),
      else_branch: attr.graph(branch('else', [node('Identity', ['in1'], ['c']), node('Size', ['in1'], ['d'])], ['c', 'd'])),
    },
    inputs: [t('bool', [], [true]), t('int64', [2], [4, 5])],
    outputs: [t('int64', [2], [4, 5]), t('int64', [1], [2])],
  },
  {
    name: 'if branch output count mismatch',
    op: 'If',
    attrs: { then_branch: attr.graph(branch('then', [], [])), else_branch: attr.graph(constBranch('else', [1])) },
    inputs: [t('bool', [], [true])],
    throws: 'E_GRAPH',
  },
];
