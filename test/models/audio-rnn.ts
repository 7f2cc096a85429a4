/**
 * audio-rnn.onnx: a Silero-VAD-like audio model as `torch.onnx.export` writes a scripted module (opset 16):
 * - an If on the fed sample rate `sr` (int64 scalar): 16 kHz frames the signal with an STFT-like Conv1d
 *   (34 filters of 64 taps, stride 32), 8 kHz with 32 taps, stride 16 (the branches' frame counts differ, so
 *   what follows is planned once the If ran);
 * - a Conv1d front end (34 → 32, kernel 3, pad 1), GroupNorm(4, 32) as PyTorch exports it before opset 18
 *   (Reshape → InstanceNormalization → Reshape → Mul → Add), Relu;
 * - a Loop over the frames (trip count from Shape, a true condition) carrying the LSTM state: each iteration
 *   Gathers its frame, runs a one-step LSTM (hidden 32) from the carried h and c, and scans out h;
 * - a decoder MatMul + Add → Sigmoid, averaged over frames (ReduceMean), and the new state Concat'ed [2, batch, 32].
 * Dynamic axes: batch, samples (input), batch (state).
 */
import type { Graph, Model, Node } from '../../src/ir/graph';
import { emptyGraph } from '../../src/ir/graph';
import { float32Tensor, fromNumbers, int64Tensor, type Tensor } from '../../src/ir/tensor';
import { GraphBuilder, float, int, ints } from './builder';

export const AUDIO = { filters: 34, channels: 32, hidden: 32 };
const { filters: F, channels: C, hidden: HID } = AUDIO;
const GROUPS = 4;

const node = (name: string, op: string, inputs: string[], outputs: string[], attributes: Node['attributes'] = {}): Node => ({ name, op, domain: '', inputs, outputs, attributes });

function branch(name: string, basis: string, kernel: number, stride: number): Graph {
  return {
    ...emptyGraph(name),
    nodes: [
      node(`${name}/unsqueeze`, 'Unsqueeze', ['input', 'axes_1'], [`${name}_x`]),
      node(`${name}/stft`, 'Conv', [`${name}_x`, basis], [`${name}_frames`], { kernel_shape: ints([kernel]), strides: ints([stride]), pads: ints([0, 0]) }),
      node(`${name}/abs`, 'Abs', [`${name}_frames`], [`${name}_mag`]),
    ],
    outputs: [{ name: `${name}_mag` }],
  };
}

export function buildAudioRnn(): Model {
  const b = new GraphBuilder('audio-rnn', 31);
  b.input('input', ['batch', 'samples']);
  b.input('state', [2, 'batch', HID]);
  b.graph.inputs.push({ name: 'sr', type: { kind: 'tensor', dtype: 'int64', shape: [] } });
  const i64 = (name: string, v: number[], dims: number[] = [v.length]) => b.constant(name, int64Tensor(v, dims));
  i64('axes_0', [0]);
  i64('axes_1', [1]);
  b.weight('stft_16k', [F, 1, 64], 8);
  b.weight('stft_8k', [F, 1, 32], 8);

  const is16k = b.node('Equal', ['sr', i64('sr_16k', [16000], [])]);
  const [spectrum] = b.nodeN('If', [is16k], { then_branch: { type: 'graph', value: branch('then', 'stft_16k', 64, 32) }, else_branch: { type: 'graph', value: branch('else', 'stft_8k', 32, 16) } });
  const encoded = b.node('Conv', [spectrum!, b.weight('encoder.weight', [C, F, 3], F * 3), b.weight('encoder.bias', [C], F * 3)], { kernel_shape: ints([3]), pads: ints([1, 1]) });
  // nn.GroupNorm(4, C) as exported before opset 18: Reshape [N, 4, -1] → InstanceNormalization (unit scale,
  // zero bias) → Reshape back → Mul γ → Add β, the shapes from Shape at run time.
  const grouped = b.node('Reshape', [encoded, b.node('Concat', [b.node('Unsqueeze', [b.node('Gather', [b.node('Shape', [encoded]), i64('batch_index', [0], [])], { axis: int(0) }), 'axes_0']), i64('groups_rest', [GROUPS, -1])], { axis: int(0) })]);
  const normed = b.node('InstanceNormalization', [grouped, b.constant('norm.ones', float32Tensor(new Array(GROUPS).fill(1), [GROUPS])), b.constant('norm.zeros', float32Tensor(new Array(GROUPS).fill(0), [GROUPS]))], { epsilon: float(1e-5) });
  const ungrouped = b.node('Reshape', [normed, b.node('Shape', [encoded])]);
  const features = b.node('Relu', [b.node('Add', [b.node('Mul', [ungrouped, b.around('norm.weight', [C, 1], 1, 0.2)]), b.around('norm.bias', [C, 1], 0, 0.2)])]);
  const steps = b.node('Transpose', [features], { perm: ints([2, 0, 1]) }); // [frames, batch, C]
  const frames = b.node('Gather', [b.node('Shape', [steps]), i64('frames_index', [0], [])], { axis: int(0) });
  const h0 = b.node('Gather', ['state', i64('h_index', [0], [])], { axis: int(0) });
  const c0 = b.node('Gather', ['state', i64('c_index', [1], [])], { axis: int(0) });
  b.weight('lstm.W', [1, 4 * HID, C], HID);
  b.weight('lstm.R', [1, 4 * HID, HID], HID);
  b.weight('lstm.B', [1, 8 * HID], HID);
  const body: Graph = {
    ...emptyGraph('frame_step'),
    inputs: [
      { name: 'i', type: { kind: 'tensor', dtype: 'int64', shape: [] } },
      { name: 'cond_in', type: { kind: 'tensor', dtype: 'bool', shape: [] } },
      { name: 'h_in', type: { kind: 'tensor', dtype: 'float32', shape: ['batch', HID] } },
      { name: 'c_in', type: { kind: 'tensor', dtype: 'float32', shape: ['batch', HID] } },
    ],
    nodes: [
      node('step/gather', 'Gather', [steps, 'i'], ['x_t'], { axis: int(0) }),
      node('step/unsqueeze_x', 'Unsqueeze', ['x_t', 'axes_0'], ['x_seq']),
      node('step/unsqueeze_h', 'Unsqueeze', ['h_in', 'axes_0'], ['h_seq']),
      node('step/unsqueeze_c', 'Unsqueeze', ['c_in', 'axes_0'], ['c_seq']),
      node('step/lstm', 'LSTM', ['x_seq', 'lstm.W', 'lstm.R', 'lstm.B', '', 'h_seq', 'c_seq'], ['', 'y_h', 'y_c'], { hidden_size: int(HID) }),
      node('step/squeeze_h', 'Squeeze', ['y_h', 'axes_0'], ['h_out']),
      node('step/squeeze_c', 'Squeeze', ['y_c', 'axes_0'], ['c_out']),
      node('step/cond', 'Identity', ['cond_in'], ['cond_out']),
      node('step/relu', 'Relu', ['h_out'], ['scan_h']),
    ],
    outputs: [{ name: 'cond_out' }, { name: 'h_out' }, { name: 'c_out' }, { name: 'scan_h' }],
  };
  const keepGoing = b.constant('loop_cond', fromNumbers('bool', [], [1]));
  const [hN, cN, hs] = b.nodeN('Loop', [frames, keepGoing, h0, c0], { body: { type: 'graph', value: body } }, 3) as [string, string, string];
  const speech = b.node('Sigmoid', [b.node('Add', [b.node('MatMul', [hs, b.weight('decoder.weight', [HID, 1], HID)]), b.weight('decoder.bias', [1], HID)])]);
  b.rename(b.node('ReduceMean', [speech], { axes: ints([0]), keepdims: int(0) }), 'output');
  b.rename(b.node('Concat', [b.node('Unsqueeze', [hN, 'axes_0']), b.node('Unsqueeze', [cN, 'axes_0'])], { axis: int(0) }), 'stateN');
  b.output('output', ['batch', 1]);
  b.output('stateN', [2, 'batch', HID]);
  const model = b.model('A Silero-VAD-like model: If on the sample rate, Conv1d front end, a Loop of one-step LSTMs.');
  model.opsetImports = [{ domain: '', version: 16 }];
  return model;
}

/** Feeds: a signal of `samples` at sample rate `sr`, and a small random state. */
export function audioFeeds(batch: number, samples: number, sr: number, seed: number): Map<string, Tensor> {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  return new Map([
    ['input', fromNumbers('float32', [batch, samples], Array.from({ length: batch * samples }, next))],
    ['state', fromNumbers('float32', [2, batch, HID], Array.from({ length: 2 * batch * HID }, () => next() * 0.5))],
    ['sr', fromNumbers('int64', [], [sr])],
  ]);
}
