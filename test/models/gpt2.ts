/**
 * gpt2.onnx / gpt2-past.onnx: a one-block GPT-2-style decoder as `torch.onnx.export` writes HuggingFace's
 * GPT2LMHeadModel at opset 14 (vocab 50, model dim 32, 4 heads of 8, MLP 64, tied LM head):
 * - position ids from the attention mask at run time: CumSum(mask) − 1, Where(mask == 0, 1, ·), and the last
 *   `sequence` columns by a Slice whose starts come from Shape (HF's generation inputs);
 * - Conv1D as MatMul + Add, the fused qkv cut by Split (split sizes as an input, opset 13+);
 * - the causal mask from Trilu(ones) (gpt2.onnx) or from a constant bool buffer [1,1,64,64] sliced by
 *   Shape-computed starts/ends (gpt2-past.onnx), applied by Where(mask, scores, finfo.min);
 * - the padding mask Unsqueeze → Cast → Sub(1, ·) → Mul(finfo.min) → Expand (gpt2-past.onnx), or as HF's
 *   _expand_mask: an int64 Expand, Cast, Sub(1, ·), and Where(Cast to bool, finfo.min, ·) (gpt2.onnx);
 * - gpt2-past.onnx: past key/values [batch, 4, past_sequence, 8] Concat'ed before the scores, present outputs;
 * - LayerNorm decomposed (ReduceMean … Add), gelu_new with Pow(x, 3) and Tanh.
 */
import type { Dim, Model } from '../../src/ir/graph';
import { fromNumbers, int64Tensor, type Tensor } from '../../src/ir/tensor';
import { tanhGelu } from './bert';
import { GraphBuilder, int, ints } from './builder';

export const GPT2 = { vocab: 50, dim: 32, heads: 4, ff: 64, positions: 64 };
const HD = GPT2.dim / GPT2.heads;
const FLOAT_MIN = -3.4028234663852886e38;
const TOTAL = 'past_sequence + sequence';

function gpt2Model(past: boolean, seed: number): Model {
  const b = new GraphBuilder(past ? 'gpt2-past' : 'gpt2', seed);
  const { dim: D, heads: H } = GPT2;
  const i64 = (v: number[], dims: number[] = [v.length]) => b.constant(`const_${b.graph.nodes.length}_${b.graph.initializers.size}`, int64Tensor(v, dims));
  const intInput = (name: string, shape: Dim[]) => b.graph.inputs.push({ name, type: { kind: 'tensor', dtype: 'int64', shape } });
  intInput('input_ids', ['batch', 'sequence']);
  intInput('attention_mask', ['batch', past ? TOTAL : 'sequence']);
  if (past) for (const n of ['past_key', 'past_value']) b.input(n, ['batch', H, 'past_sequence', HD]);
  const dimOf = (x: string, axis: number) => b.node('Gather', [b.node('Shape', [x]), i64([axis], [])], { axis: int(0) });
  const unsq = (x: string) => b.node('Unsqueeze', [x, i64([0])]);
  const norm = (n: string, x: string) => {
    const mean = b.node('ReduceMean', [x], { axes: ints([-1]), keepdims: int(1) });
    const centered = b.node('Sub', [x, mean]);
    const variance = b.node('ReduceMean', [b.node('Pow', [centered, b.scalar(`${n}.two`, 2)])], { axes: ints([-1]), keepdims: int(1) });
    const normed = b.node('Div', [centered, b.node('Sqrt', [b.node('Add', [variance, b.scalar(`${n}.eps`, 1e-5)])])]);
    return b.node('Add', [b.node('Mul', [normed, b.around(`${n}.weight`, [D], 1, 0.1)]), b.around(`${n}.bias`, [D], 0, 0.1)]);
  };
  const conv1d = (n: string, x: string, i: number, o: number) => b.node('Add', [b.node('MatMul', [x, b.weight(`${n}.weight`, [i, o], i)]), b.weight(`${n}.bias`, [o], i)]);

  // position_ids = (mask.cumsum(-1) - 1).masked_fill(mask == 0, 1)[:, -sequence:]
  const mask = 'attention_mask';
  const cum = b.node('Sub', [b.node('CumSum', [mask, i64([1], [])]), i64([1], [])]);
  const filled = b.node('Where', [b.node('Equal', [mask, i64([0], [])]), i64([1], []), cum]);
  const seq = dimOf('input_ids', 1);
  const positionIds = b.node('Slice', [filled, b.node('Neg', [unsq(seq)]), i64([2 ** 62]), i64([1])]);
  const wte = b.weight('transformer.wte.weight', [GPT2.vocab, D], 1);
  const embedded = b.node('Add', [
    b.node('Gather', [wte, 'input_ids'], { axis: int(0) }),
    b.node('Gather', [b.weight('transformer.wpe.weight', [GPT2.positions, D], 1), positionIds], { axis: int(0) }),
  ]);

  const x = norm('transformer.h.0.ln_1', embedded);
  const [q0, k0, v0] = b.nodeN('Split', [conv1d('transformer.h.0.attn.c_attn', x, D, 3 * D), i64([D, D, D])], { axis: int(2) }, 3) as [string, string, string];
  const heads = (t: string) => {
    const shape = b.node('Concat', [unsq(dimOf(t, 0)), unsq(dimOf(t, 1)), i64([H]), i64([HD])], { axis: int(0) });
    return b.node('Transpose', [b.node('Reshape', [t, shape])], { perm: ints([0, 2, 1, 3]) });
  };
  let k = heads(k0);
  let v = heads(v0);
  if (past) {
    k = b.node('Concat', ['past_key', k], { axis: int(-2) });
    v = b.node('Concat', ['past_value', v], { axis: int(-2) });
    b.rename(b.node('Identity', [k]), 'present_key');
    b.rename(b.node('Identity', [v]), 'present_value');
  }
  const scores = b.node('Div', [b.node('MatMul', [heads(q0), b.node('Transpose', [k], { perm: ints([0, 1, 3, 2]) })]), b.scalar('sqrt_hd', Math.sqrt(HD))]);
  const queryLen = dimOf(scores, 2);
  const keyLen = dimOf(k, 2);
  let causal: string;
  if (past) {
    // self.bias[:, :, key_length - query_length : key_length, :key_length]
    const tri = Array.from({ length: GPT2.positions ** 2 }, (_, i) => (i % GPT2.positions <= Math.floor(i / GPT2.positions) ? 1 : 0));
    const buffer = b.constant('transformer.h.0.attn.bias', fromNumbers('bool', [1, 1, GPT2.positions, GPT2.positions], tri));
    const rows = b.node('Slice', [buffer, unsq(b.node('Sub', [keyLen, queryLen])), unsq(keyLen), i64([2])]);
    causal = b.node('Slice', [rows, i64([0]), unsq(keyLen), i64([3])]);
  } else {
    // torch.tril(torch.ones(query_length, key_length)).bool()
    const ones = b.node('ConstantOfShape', [b.node('Concat', [unsq(queryLen), unsq(keyLen)], { axis: int(0) })], { value: { type: 'tensor', value: fromNumbers('float32', [1], [1]) } });
    causal = b.node('Cast', [b.node('Trilu', [ones, b.node('Sub', [keyLen, queryLen])], { upper: int(0) })], { to: int(9) });
  }
  const masked = b.node('Where', [causal, scores, b.scalar('finfo_min', FLOAT_MIN)]);
  const padShape = b.node('Concat', [unsq(dimOf('input_ids', 0)), i64([1]), unsq(queryLen), unsq(keyLen)], { axis: int(0) });
  let pad: string;
  if (past) {
    // GPT2Model: (1.0 - mask[:, None, None, :]) * finfo.min, broadcast by the Add (Expanded here).
    pad = b.node('Expand', [b.node('Mul', [b.node('Sub', [b.scalar('one_f', 1), b.node('Cast', [b.node('Unsqueeze', [mask, i64([1, 2])])], { to: int(1) })]), b.scalar('finfo_min_pad', FLOAT_MIN)]), padShape]);
  } else {
    // _expand_mask: inverted = 1.0 - mask[:, None, None, :].expand(b, 1, q, k).to(float);
    // inverted.masked_fill(inverted.to(torch.bool), finfo.min)
    const inverted = b.node('Sub', [b.scalar('one_f', 1), b.node('Cast', [b.node('Expand', [b.node('Unsqueeze', [mask, i64([1, 2])]), padShape])], { to: int(1) })]);
    pad = b.node('Where', [b.node('Cast', [inverted], { to: int(9) }), b.scalar('finfo_min_pad', FLOAT_MIN), inverted]);
  }
  const probs = b.node('Softmax', [b.node('Add', [masked, pad])], { axis: int(-1) });
  const ctx = b.node('Transpose', [b.node('MatMul', [probs, v])], { perm: ints([0, 2, 1, 3]) });
  const merged = b.node('Reshape', [ctx, b.node('Concat', [unsq(dimOf(ctx, 0)), unsq(dimOf(ctx, 1)), i64([D])], { axis: int(0) })]);
  const h1 = b.node('Add', [conv1d('transformer.h.0.attn.c_proj', merged, D, D), embedded]);
  const mlp = conv1d('transformer.h.0.mlp.c_proj', tanhGelu(b, 'transformer.h.0.mlp', conv1d('transformer.h.0.mlp.c_fc', norm('transformer.h.0.ln_2', h1), D, GPT2.ff)), GPT2.ff, D);
  const hidden = norm('transformer.ln_f', b.node('Add', [h1, mlp]));
  b.rename(b.node('MatMul', [hidden, b.node('Transpose', [wte], { perm: ints([1, 0]) })]), 'logits');
  b.output('logits', ['batch', 'sequence', GPT2.vocab]);
  if (past) for (const n of ['present_key', 'present_value']) b.output(n, ['batch', H, TOTAL, HD]);
  const model = b.model(`A GPT-2-style decoder block as torch.onnx.export writes it${past ? ', with past key/values' : ''}.`);
  model.opsetImports = [{ domain: '', version: 14 }];
  return model;
}

export const buildGpt2 = (): Model => gpt2Model(false, 21);
export const buildGpt2Past = (): Model => gpt2Model(true, 22);

/** Feeds: token ids, a mask whose first `padding` columns of row 0 are off (left padding), and past key/values when `past` > 0. */
export function gpt2Feeds(batch: number, sequence: number, past: number | null, padding: number, seed: number): Map<string, Tensor> {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const total = sequence + (past ?? 0);
  const feeds = new Map<string, Tensor>([
    ['input_ids', fromNumbers('int64', [batch, sequence], Array.from({ length: batch * sequence }, () => Math.floor(next() * GPT2.vocab)))],
    ['attention_mask', fromNumbers('int64', [batch, total], Array.from({ length: batch * total }, (_, i) => (i < total && i < padding ? 0 : 1)))],
  ]);
  if (past !== null) {
    const dims = [batch, GPT2.heads, past, HD];
    for (const n of ['past_key', 'past_value']) feeds.set(n, fromNumbers('float32', dims, Array.from({ length: dims.reduce((a, c) => a * c, 1) }, () => next() * 2 - 1)));
  }
  return feeds;
}
