/**
 * bert.onnx / bert-ln17.onnx: a two-layer BERT-style encoder as `torch.onnx.export` writes HuggingFace's
 * BertModel (dynamic axes named batch and sequence; vocab 50, model dim 32, 4 heads of 8, FFN 64):
 * - word, position and token-type embeddings by Gather; the position ids from Shape → Gather → Range →
 *   Unsqueeze, the token types from ConstantOfShape(Shape(input_ids));
 * - the extended attention mask: Unsqueeze → Unsqueeze → Cast → Sub(1, ·) → Mul(finfo.min) added to the scores;
 * - heads split and merged by Reshape to shapes computed at run time (Shape → Gather → Unsqueeze → Concat);
 * - LayerNorm decomposed (ReduceMean, Sub, Pow 2, ReduceMean, Add eps, Sqrt, Div, Mul, Add) as opset 14
 *   exports write it, or LayerNormalization (opset 17);
 * - erf-GELU decomposed in layer 0, tanh-GELU (Pow 3) in layer 1; a pooler Gather(…, 0, axis 1) → Gemm → Tanh.
 */
import type { Model } from '../../src/ir/graph';
import { fromNumbers, int64Tensor } from '../../src/ir/tensor';
import { GraphBuilder, float, int, ints } from './builder';

export const BERT = { vocab: 50, dim: 32, heads: 4, ff: 64, layers: 2, maxPositions: 64 };
/** The bench's size (test/bench/cases.ts): BERT-mini-like, 4 layers of 256 with 4 heads, sequence up to 128. */
export const BERT_BENCH = { vocab: 1000, dim: 256, heads: 4, ff: 1024, layers: 4, maxPositions: 128 };
const FLOAT_MIN = -3.4028234663852886e38;

function bertModel(layerNorm: 'decomposed' | 'fused', opset: number, seed: number, size = BERT): Model {
  const b = new GraphBuilder('bert', seed);
  const { dim: D, heads: H } = size;
  const HD = D / H;
  for (const name of ['input_ids', 'attention_mask']) b.graph.inputs.push({ name, type: { kind: 'tensor', dtype: 'int64', shape: ['batch', 'sequence'] } });
  const i64 = (name: string, v: number[], dims: number[] = [v.length]) => b.constant(name, int64Tensor(v, dims));
  const zero = i64('const_0', [0], []);
  const one = i64('const_1', [1], []);
  const axes0 = i64('axes_0', [0]);
  const axes1 = i64('axes_1', [1]);
  const axes2 = i64('axes_2', [2]);
  const dimOf = (x: string, axis: number) => b.node('Gather', [b.node('Shape', [x]), i64(`dim_index_${axis}_${b.graph.nodes.length}`, [axis], [])], { axis: int(0) });
  const unsq = (x: string, axes: string) => b.node('Unsqueeze', [x, axes]);

  const norm = (n: string, x: string) => {
    const gamma = b.around(`${n}.weight`, [D], 1, 0.1);
    const beta = b.around(`${n}.bias`, [D], 0, 0.1);
    if (layerNorm === 'fused') return b.node('LayerNormalization', [x, gamma, beta], { axis: int(-1), epsilon: float(1e-12) });
    const mean = b.node('ReduceMean', [x], { axes: ints([-1]), keepdims: int(1) });
    const centered = b.node('Sub', [x, mean]);
    const variance = b.node('ReduceMean', [b.node('Pow', [centered, b.scalar(`${n}.two`, 2)])], { axes: ints([-1]), keepdims: int(1) });
    const std = b.node('Sqrt', [b.node('Add', [variance, b.scalar(`${n}.eps`, 1e-12)])]);
    return b.node('Add', [b.node('Mul', [b.node('Div', [centered, std]), gamma]), beta]);
  };
  const linear = (n: string, x: string, i: number, o: number) =>
    b.node('Add', [b.weight(`${n}.bias`, [o], i), b.node('MatMul', [x, b.weight(`${n}.weight`, [i, o], i)])]);

  // Embeddings.
  const ids = 'input_ids';
  const words = b.node('Gather', [b.weight('embeddings.word_embeddings.weight', [size.vocab, D], 1), ids], { axis: int(0) });
  const seqLen = dimOf(ids, 1);
  const positionIds = unsq(b.node('Range', [zero, seqLen, one]), axes0);
  const positions = b.node('Gather', [b.weight('embeddings.position_embeddings.weight', [size.maxPositions, D], 1), positionIds], { axis: int(0) });
  const typeIds = b.node('ConstantOfShape', [b.node('Shape', [ids])], { value: { type: 'tensor', value: int64Tensor([0], [1]) } });
  const types = b.node('Gather', [b.weight('embeddings.token_type_embeddings.weight', [2, D], 1), typeIds], { axis: int(0) });
  let h = norm('embeddings.LayerNorm', b.node('Add', [b.node('Add', [words, types]), positions]));

  // (1 - mask) * finfo(float32).min, [batch, 1, 1, sequence].
  const mask = b.node('Cast', [unsq(unsq('attention_mask', axes1), axes2)], { to: int(1) });
  const extended = b.node('Mul', [b.node('Sub', [b.scalar('const_one_f', 1), mask]), b.scalar('float_min', FLOAT_MIN)]);

  for (let l = 0; l < size.layers; l++) {
    const p = `encoder.layer.${l}`;
    const heads = (x: string) => {
      const shape = b.node('Concat', [unsq(dimOf(x, 0), axes0), unsq(dimOf(x, 1), axes0), i64(`${p}.heads_${b.graph.nodes.length}`, [H]), i64(`${p}.hd_${b.graph.nodes.length}`, [HD])], { axis: int(0) });
      return b.node('Transpose', [b.node('Reshape', [x, shape])], { perm: ints([0, 2, 1, 3]) });
    };
    const q = heads(linear(`${p}.attention.self.query`, h, D, D));
    const k = heads(linear(`${p}.attention.self.key`, h, D, D));
    const v = heads(linear(`${p}.attention.self.value`, h, D, D));
    const scores = b.node('Div', [b.node('MatMul', [q, b.node('Transpose', [k], { perm: ints([0, 1, 3, 2]) })]), b.scalar(`${p}.sqrt_hd`, Math.sqrt(HD))]);
    const probs = b.node('Softmax', [b.node('Add', [scores, extended])], { axis: int(-1) });
    const ctx = b.node('Transpose', [b.node('MatMul', [probs, v])], { perm: ints([0, 2, 1, 3]) });
    const merged = b.node('Reshape', [ctx, b.node('Concat', [unsq(dimOf(ctx, 0), axes0), unsq(dimOf(ctx, 1), axes0), i64(`${p}.all_head_${l}`, [D])], { axis: int(0) })]);
    h = norm(`${p}.attention.output.LayerNorm`, b.node('Add', [linear(`${p}.attention.output.dense`, merged, D, D), h]));
    const f = linear(`${p}.intermediate.dense`, h, D, size.ff);
    const gelu = l % 2 === 0 ? erfGelu(b, p, f) : tanhGelu(b, p, f);
    h = norm(`${p}.output.LayerNorm`, b.node('Add', [linear(`${p}.output.dense`, gelu, size.ff, D), h]));
  }
  b.rename(b.node('Identity', [h]), 'last_hidden_state');
  const first = b.node('Gather', ['last_hidden_state', i64('cls_index', [0], [])], { axis: int(1) });
  const pooled = b.node('Gemm', [first, b.weight('pooler.dense.weight', [D, D], D), b.weight('pooler.dense.bias', [D], D)], { alpha: float(1), beta: float(1), transB: int(1) });
  b.rename(b.node('Tanh', [pooled]), 'pooler_output');
  for (const [name, shape] of [['last_hidden_state', ['batch', 'sequence', D]], ['pooler_output', ['batch', D]]] as const) b.output(name, [...shape]);
  const model = b.model(`A ${size.layers}-layer BERT-style encoder as torch.onnx.export writes it (LayerNorm ${layerNorm}).`);
  model.opsetImports = [{ domain: '', version: opset }];
  return model;
}

/** x · 0.5 · (1 + erf(x / √2)), in the order PyTorch's exporter writes nn.GELU(). */
function erfGelu(b: GraphBuilder, p: string, x: string): string {
  const erf = b.node('Erf', [b.node('Div', [x, b.scalar(`${p}.sqrt2`, Math.SQRT2)])]);
  return b.node('Mul', [b.node('Mul', [x, b.node('Add', [erf, b.scalar(`${p}.one`, 1)])]), b.scalar(`${p}.half`, 0.5)]);
}

/** 0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³))) (HF's gelu_new), x³ as Pow(x, 3). */
export function tanhGelu(b: GraphBuilder, p: string, x: string): string {
  const cube = b.node('Pow', [x, b.scalar(`${p}.three`, 3)]);
  const inner = b.node('Mul', [b.node('Add', [x, b.node('Mul', [cube, b.scalar(`${p}.c044715`, 0.044715)])]), b.scalar(`${p}.sqrt_2_pi`, Math.sqrt(2 / Math.PI))]);
  return b.node('Mul', [b.node('Mul', [x, b.scalar(`${p}.half`, 0.5)]), b.node('Add', [b.node('Tanh', [inner]), b.scalar(`${p}.one`, 1)])]);
}

export const buildBert = (): Model => bertModel('decomposed', 14, 11);
export const buildBertLn17 = (): Model => bertModel('fused', 17, 12);
export const buildBertBench = (): Model => bertModel('decomposed', 14, 13, BERT_BENCH);

/** Feeds for the BERT-style models: token ids in [0, vocab), the mask with the last `padding` positions of row 0 off. */
export function bertFeeds(batch: number, sequence: number, padding: number, seed: number, vocab = BERT.vocab) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const ids = Array.from({ length: batch * sequence }, () => Math.floor(next() * vocab));
  const mask = Array.from({ length: batch * sequence }, (_, i) => (i < sequence && i % sequence >= sequence - padding ? 0 : 1));
  return new Map([
    ['input_ids', fromNumbers('int64', [batch, sequence], ids)],
    ['attention_mask', fromNumbers('int64', [batch, sequence], mask)],
  ]);
}
