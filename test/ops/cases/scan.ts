import type { Graph, Node } from '../../../src/ir/graph';
import { attr, t, type OpCase } from '../op-case';

function node(op: string, inputs: string[], outputs: string[]): Node {
  return { name: `${op}_${outputs[0]}`, op, domain: '', inputs, outputs, attributes: {} };
}
// body(s, x) -> (s + x, s + x): a running sum whose every step is also a scan output.
const cumsum: Graph = {
  name: 'body',
  nodes: [node('Add', ['s', 'x'], ['s_next']), node('Identity', ['s_next'], ['y'])],
  inputs: [{ name: 's' }, { name: 'x' }],
  outputs: [{ name: 's_next' }, { name: 'y' }],
  valueInfo: [],
  initializers: new Map(),
};
const body = attr.graph(cumsum);
const one = attr.int(1);
const op = 'Scan';

export const cases: OpCase[] = [
  {
    name: 'running sum over rows (opset 9)',
    op,
    opset: 9,
    attrs: { body, num_scan_inputs: one },
    inputs: [t('float32', [2], [0, 0]), t('float32', [3, 2], [1, 2, 3, 4, 5, 6])],
    outputs: [t('float32', [2], [9, 12]), t('float32', [3, 2], [1, 2, 4, 6, 9, 12])],
  },
  {
    name: 'reverse input and reverse output directions',
    op,
    opset: 11,
    attrs: { body, num_scan_inputs: one, scan_input_directions: attr.ints([1]), scan_output_directions: attr.ints([1]) },
    // rows visited [5,6], [3,4], [1,2] -> sums [5,6], [8,10], [9,12]; the output stacks them last-first.
    inputs: [t('float32', [2], [0, 0]), t('float32', [3, 2], [1, 2, 3, 4, 5, 6])],
    outputs: [t('float32', [2], [9, 12]), t('float32', [3, 2], [9, 12, 8, 10, 5, 6])],
  },
  {
    name: 'scan along axis -1, stack along axis 1',
    op,
    opset: 11,
    attrs: { body, num_scan_inputs: one, scan_input_axes: attr.ints([-1]), scan_output_axes: attr.ints([1]) },
    // columns [1,4], [2,5], [3,6] -> sums [1,4], [3,9], [6,15], stacked as columns.
    inputs: [t('int32', [2], [0, 0]), t('int32', [2, 3], [1, 2, 3, 4, 5, 6])],
    outputs: [t('int32', [2], [6, 15]), t('int32', [2, 3], [1, 3, 6, 4, 9, 15])],
  },
  {
    name: 'opset 8: batch axis 0 with sequence_lens pads short outputs with zeros',
    op,
    opset: 8,
    attrs: { body, num_scan_inputs: one },
    // batch 0 sums 1,2,3 from 0; batch 1 sums only 4,5 (length 2) from 10.
    inputs: [t('int64', [2], [3, 2]), t('float32', [2, 1], [0, 10]), t('float32', [2, 3, 1], [1, 2, 3, 4, 5, 6])],
    outputs: [t('float32', [2, 1], [6, 19]), t('float32', [2, 3, 1], [1, 3, 6, 14, 19, 0])],
  },
  {
    name: 'opset 8: reverse direction without sequence_lens',
    op,
    opset: 8,
    attrs: { body, num_scan_inputs: one, directions: attr.ints([1]) },
    inputs: [null, t('float32', [1, 1], [0]), t('float32', [1, 3, 1], [1, 2, 3])],
    outputs: [t('float32', [1, 1], [6]), t('float32', [1, 3, 1], [3, 5, 6])],
  },
  {
    name: 'scan inputs of different lengths',
    op,
    opset: 9,
    attrs: { body, num_scan_inputs: attr.int(2) },
    inputs: [t('float32', [3], [1, 2, 3]), t('float32', [2], [1, 2])],
    throws: 'E_SHAPE',
  },
];
