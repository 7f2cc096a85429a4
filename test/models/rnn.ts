/**
 * lstm.onnx / gru.onnx: a recurrent layer (input 16, hidden 32) over X [10,1,16] with bias and initial state,
 * its last hidden state Y_h [1,1,32] squeezed to [1,32], then Gemm → [1,4].
 */
import type { Model } from '../../src/ir/graph';
import { GraphBuilder, int } from './builder';

const SEQ = 10;
const INPUT = 16;
const HIDDEN = 32;

function buildRnn(op: 'LSTM' | 'GRU', seed: number): Model {
  const gates = op === 'LSTM' ? 4 : 3;
  const b = new GraphBuilder(op.toLowerCase(), seed);
  const x = b.input('x', [SEQ, 1, INPUT]);
  const inputs = [
    x,
    b.weight('W', [1, gates * HIDDEN, INPUT], HIDDEN),
    b.weight('R', [1, gates * HIDDEN, HIDDEN], HIDDEN),
    b.weight('B', [1, 2 * gates * HIDDEN], HIDDEN),
    '', // sequence_lens: all sequences are full length
    b.weight('initial_h', [1, 1, HIDDEN], 4),
  ];
  if (op === 'LSTM') inputs.push(b.weight('initial_c', [1, 1, HIDDEN], 4));
  const attrs = { hidden_size: int(HIDDEN), ...(op === 'GRU' ? { linear_before_reset: int(1) } : {}) };
  // Outputs Y (unused, omitted) and Y_h.
  const [, yh] = b.nodeN(op, inputs, attrs, 2);
  const hidden = b.node('Squeeze', [yh!, b.shape('squeeze_axes', [0])]); // [1,32]
  const y = b.node('Gemm', [hidden, b.weight('fc.weight', [4, HIDDEN], HIDDEN), b.weight('fc.bias', [4], HIDDEN)], { transB: int(1) });
  b.rename(y, 'y');
  b.output('y', [1, 4]);
  const last = b.graph.nodes.find((n) => n.op === op)!;
  last.outputs[0] = '';
  return b.model(`A single-layer ${op} over 10 steps followed by a linear head.`);
}

export const buildLstm = (): Model => buildRnn('LSTM', 5);
export const buildGru = (): Model => buildRnn('GRU', 6);
