import type { Graph, Node } from '../../../src/ir/graph';
import { Tensor } from '../../../src/ir/tensor';
import { attr, t, type OpCase } from '../op-case';

function node(op: string, inputs: string[], outputs: string[], attributes: Node['attributes'] = {}): Node {
  return { name: `${op}_${outputs[0]}`, op, domain: '', inputs, outputs, attributes };
}
function graph(name: string, inputs: string[], nodes: Node[], outputs: string[], inits: [string, Tensor][] = []): Graph {
  return { name, nodes, inputs: inputs.map((n) => ({ name: n })), outputs: outputs.map((n) => ({ name: n })), valueInfo: [], initializers: new Map(inits) };
}

// body(i, cond, acc) -> (cond, acc + i, i): sums iteration numbers and scans them.
const sumBody = graph('body', ['i', 'c', 'acc'], [node('Add', ['acc', 'i'], ['acc_next']), node('Identity', ['c'], ['c_out']), node('Identity', ['i'], ['i_scan'])], ['c_out', 'acc_next', 'i_scan']);

// body(i, cond, x) -> (x + i < in2 + 4, x + i, [x, i]): a while loop whose limit reads the outer-scope in2
// (the Loop's own initial value, visible to the body by name).
const whileBody = graph(
  'body',
  ['i', 'c', 'x'],
  [
    node('Add', ['x', 'i'], ['x_next']),
    node('Add', ['in2', 'four'], ['limit']),
    node('Less', ['x_next', 'limit'], ['c_next']),
    node('Unsqueeze', ['x', 'zero'], ['x1']),
    node('Unsqueeze', ['i', 'zero'], ['i1']),
    node('Concat', ['x1', 'i1'], ['pair'], { axis: attr.int(0) }),
  ],
  ['c_next', 'x_next', 'pair'],
  [
    ['zero', new Tensor('int64', [1], BigInt64Array.of(0n))],
    ['four', new Tensor('int64', [], BigInt64Array.of(4n))],
  ],
);

export const cases: OpCase[] = [
  {
    name: 'loop with trip count: carried sum and scan output',
    op: 'Loop',
    attrs: { body: attr.graph(sumBody) },
    inputs: [t('int64', [], [4]), null, t('int64', [], [10])],
    // acc: 10+0+1+2+3 = 16; scan stacks i = 0..3
    outputs: [t('int64', [], [16]), t('int64', [4], [0, 1, 2, 3])],
  },
  {
    name: 'loop with zero trips keeps initial values',
    op: 'Loop',
    attrs: { body: attr.graph(sumBody) },
    inputs: [t('int64', [], [0]), t('bool', [], [true]), t('int64', [], [10])],
    outputs: [t('int64', [], [10])],
  },
  {
    name: 'loop cond false at start runs nothing',
    op: 'Loop',
    attrs: { body: attr.graph(sumBody) },
    inputs: [t('int64', [], [5]), t('bool', [], [false]), t('int64', [], [3])],
    outputs: [t('int64', [], [3])],
  },
  {
    // x: 1 -> 1 (i=0, 1<5) -> 2 (i=1, 2<5) -> 4 (i=2, 4<5) -> 7 (i=3, stop). Scan rows [x, i] before each step.
    name: 'loop as while loop reading an outer-scope value',
    op: 'Loop',
    attrs: { body: attr.graph(whileBody) },
    inputs: [null, t('bool', [], [true]), t('int64', [], [1])],
    outputs: [t('int64', [], [7]), t('int64', [4, 2], [1, 0, 1, 1, 2, 2, 4, 3])],
  },
  {
    name: 'loop trip count bounds a while loop',
    op: 'Loop',
    attrs: { body: attr.graph(whileBody) },
    inputs: [t('int64', [], [2]), t('bool', [], [true]), t('int64', [], [1])],
    outputs: [t('int64', [], [2]), t('int64', [2, 2], [1, 0, 1, 1])],
  },
];
