import type { Graph, Node } from '../../../src/ir/graph';
import { attr, t, type OpCase } from '../op-case';

function node(op: string, inputs: string[], outputs: string[]): Node {
  return { name: `${op}_${outputs[0]}`, op, domain: '', inputs, outputs, attributes: {} };
}
function graph(inputs: string[], nodes: Node[], outputs: string[]): Graph {
  return { name: 'body', nodes, inputs: inputs.map((name) => ({ name })), outputs: outputs.map((name) => ({ name })), valueInfo: [], initializers: new Map() };
}
const add = attr.graph(graph(['x', 'y'], [node('Add', ['x', 'y'], ['z'])], ['z']));
const op = 'SequenceMap';

export const cases: OpCase[] = [
  {
    name: 'a sequence plus one tensor (broadcast per element)',
    op,
    attrs: { body: add },
    inputs: [[t('float32', [2], [1, 2]), t('float32', [1], [3])], t('float32', [1], [10])],
    outputs: [[t('float32', [2], [11, 12]), t('float32', [1], [13])]],
  },
  {
    name: 'two sequences element by element',
    op,
    attrs: { body: add },
    inputs: [[t('int32', [1], [1]), t('int32', [1], [2])], [t('int32', [1], [10]), t('int32', [1], [20])]],
    outputs: [[t('int32', [1], [11]), t('int32', [1], [22])]],
  },
  {
    name: 'two body outputs make two sequences',
    op,
    attrs: { body: attr.graph(graph(['x'], [node('Identity', ['x'], ['same']), node('Shape', ['x'], ['shape'])], ['same', 'shape'])) },
    inputs: [[t('float32', [3], [1, 2, 3]), t('float32', [1, 2], [4, 5])]],
    outputs: [
      [t('float32', [3], [1, 2, 3]), t('float32', [1, 2], [4, 5])],
      [t('int64', [1], [3]), t('int64', [2], [1, 2])],
    ],
  },
  {
    name: 'sequences of different lengths',
    op,
    attrs: { body: add },
    inputs: [[t('int32', [1], [1]), t('int32', [1], [2])], [t('int32', [1], [10])]],
    throws: 'E_SHAPE',
  },
  {
    name: 'a body that passes x through ignores the extra input',
    op,
    attrs: { body: attr.graph(graph(['x', 'y'], [node('Identity', ['x'], ['z'])], ['z'])) },
    inputs: [[t('string', [2], ['a', 'b']), t('string', [1], ['c'])], t('string', [1], ['unused'])],
    outputs: [[t('string', [2], ['a', 'b']), t('string', [1], ['c'])]],
  },
];
