/**
 * Shared plumbing of the recurrent kernels (RNN, GRU, LSTM): input validation, layout 0/1 handling,
 * activation functions with their alpha/beta, the input projection X·Wᵀ done once for all time steps with the
 * blocked gemm, sequence_lens, and building the outputs. Each kernel keeps only its own cell equations.
 */
import { nodeError } from '../../../ir/node-error';
import { nodeLabel, type NodeRef } from '../../../ir/node-label';
import { fromNumbers, type Tensor, toNumbers } from '../../../ir/tensor';
import { optionalInput, tensorInput, type KernelContext, type Value } from '../kernel';
import { gemm } from './gemm';
import { rnnHiddenSize, rnnLayout } from '../../../ops/_rnn';

type Activation = (x: number) => number;

// Default alpha/beta of the activations that take them (ONNX Operators.md, "activation_alpha").
const DEFAULTS: Record<string, [number, number]> = {
  affine: [1, 0], leakyrelu: [0.01, 0], thresholdedrelu: [1, 0], scaledtanh: [1, 1], hardsigmoid: [0.2, 0.5], elu: [1, 0],
};
const USES_ALPHA = new Set(Object.keys(DEFAULTS));
const USES_BETA = new Set(['affine', 'scaledtanh', 'hardsigmoid']);

function makeActivation(name: string, alpha: number, beta: number, node: NodeRef): Activation {
  switch (name.toLowerCase()) {
    case 'sigmoid': return (x) => 1 / (1 + Math.exp(-x));
    case 'tanh': return Math.tanh;
    case 'relu': return (x) => (x > 0 ? x : 0);
    case 'affine': return (x) => alpha * x + beta;
    case 'leakyrelu': return (x) => (x >= 0 ? x : alpha * x);
    case 'thresholdedrelu': return (x) => (x > alpha ? x : 0);
    case 'scaledtanh': return (x) => alpha * Math.tanh(beta * x);
    case 'hardsigmoid': return (x) => Math.max(0, Math.min(1, alpha * x + beta));
    case 'elu': return (x) => (x >= 0 ? x : alpha * (Math.exp(x) - 1));
    case 'softsign': return (x) => x / (1 + Math.abs(x));
    case 'softplus': return (x) => Math.log1p(Math.exp(x));
    default:
      throw nodeError(node, 'E_UNSUPPORTED_ATTR', `unknown activation '${name}'`,
        'expected one of Relu, Tanh, Sigmoid, Affine, LeakyRelu, ThresholdedRelu, ScaledTanh, HardSigmoid, Elu, Softsign, Softplus');
  }
}

interface RnnSetup {
  where: string;
  seq: number;
  batch: number;
  inputSize: number;
  hidden: number;
  dirs: number;
  reverse: boolean[];
  /** Per direction, the activation functions in the op's order (f,g,h for LSTM; f,g for GRU; f for RNN). */
  acts: Activation[][];
  clip: number;
  /** Time-major X: [seq, batch, input]. */
  x: ArrayLike<number>;
  w: ArrayLike<number>;
  r: ArrayLike<number>;
  /** [dirs, 2·gates·H] (zeros when B is omitted). */
  bias: ArrayLike<number>;
  seqLens: Int32Array;
  /** [dirs, batch, H] (zeros when omitted). */
  initialH: Float64Array;
  layout: number;
  dtype: Tensor['dtype'];
}

/** Reads inputs X, W, R, B, sequence_lens, initial_h (0..5) and the common attributes of a `gates`-gate RNN. */
export function setupRnn(inputs: (Value | undefined)[], ctx: KernelContext, gates: number, defaultActs: string[]): RnnSetup {
  const where = nodeLabel(ctx.node);
  const xt = tensorInput(inputs, 0, ctx);
  const w = tensorInput(inputs, 1, ctx);
  const r = tensorInput(inputs, 2, ctx);
  const b = optionalInput(inputs, 3);
  const lens = optionalInput(inputs, 4);
  const h0 = optionalInput(inputs, 5);
  const layout = rnnLayout(ctx);
  if (xt.rank !== 3 || w.rank !== 3 || r.rank !== 3) {
    throw nodeError(ctx.node, 'E_SHAPE', `X [${xt.dims}], W [${w.dims}] and R [${r.dims}] must all be 3-D`);
  }
  const [seq, batch, inputSize] = layout === 1 ? [xt.dims[1]!, xt.dims[0]!, xt.dims[2]!] : [xt.dims[0]!, xt.dims[1]!, xt.dims[2]!];
  const hidden = rnnHiddenSize(ctx, r.dims)!;
  const direction = ctx.attr<string>('direction');
  if (!['forward', 'reverse', 'bidirectional'].includes(direction)) {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `unknown direction '${direction}'`, 'expected forward, reverse or bidirectional');
  }
  const dirs = direction === 'bidirectional' ? 2 : 1;
  const gh = gates * hidden;
  const expect = (label: string, t: Tensor | undefined, dims: number[]) => {
    if (t && t.dims.join(',') !== dims.join(',')) {
      throw nodeError(ctx.node, 'E_SHAPE', `${label} is [${t.dims}], expected [${dims}]`);
    }
  };
  expect('W', w, [dirs, gh, inputSize]);
  expect('R', r, [dirs, gh, hidden]);
  expect('B', b, [dirs, 2 * gh]);
  expect('sequence_lens', lens, [batch]);
  expect('initial_h', h0, layout === 1 ? [batch, dirs, hidden] : [dirs, batch, hidden]);
  const seqLens = new Int32Array(batch).fill(seq);
  if (lens) {
    toNumbers(lens).forEach((v, i) => {
      if (v < 0 || v > seq) throw nodeError(ctx.node, 'E_INPUT', `sequence_lens[${i}] = ${v} is outside [0, ${seq}]`);
      seqLens[i] = v;
    });
  }
  const names = ctx.attr<string[] | undefined>('activations') ?? [];
  const alphas = ctx.attr<number[] | undefined>('activation_alpha') ?? [];
  const betas = ctx.attr<number[] | undefined>('activation_beta') ?? [];
  const perDir = defaultActs.length;
  if (names.length && names.length !== perDir * dirs) {
    throw nodeError(ctx.node, 'E_ATTR', `expected ${perDir * dirs} activations for ${direction}, got ${names.length}`);
  }
  // alpha/beta values are consumed in order, only by the activations that take them.
  let ai = 0;
  let bi = 0;
  const acts: Activation[][] = [];
  for (let d = 0; d < dirs; d++) {
    const list: Activation[] = [];
    for (let k = 0; k < perDir; k++) {
      const name = names[d * perDir + k] ?? defaultActs[k]!;
      const key = name.toLowerCase();
      const [da, db] = DEFAULTS[key] ?? [0, 0];
      const alpha = USES_ALPHA.has(key) && ai < alphas.length ? alphas[ai++]! : da;
      const beta = USES_BETA.has(key) && bi < betas.length ? betas[bi++]! : db;
      list.push(makeActivation(name, alpha, beta, ctx.node));
    }
    acts.push(list);
  }
  const clipAttr = ctx.attr<number | undefined>('clip');
  return {
    where, seq, batch, inputSize, hidden, dirs, acts, layout, dtype: xt.dtype,
    reverse: Array.from({ length: dirs }, (_, d) => direction === 'reverse' || d === 1),
    clip: clipAttr === undefined ? Infinity : clipAttr,
    x: layout === 1 ? swap01(toNumbers(xt), batch, seq, inputSize) : toNumbers(xt),
    w: toNumbers(w),
    r: toNumbers(r),
    bias: b ? toNumbers(b) : new Float64Array(dirs * 2 * gh),
    seqLens,
    initialH: readState(h0, layout, dirs, batch, hidden),
  };
}

/** A [dirs, batch, H] state input (initial_h / initial_c), zeros when omitted. */
export function readState(t: Tensor | undefined, layout: number, dirs: number, batch: number, hidden: number): Float64Array {
  if (!t) return new Float64Array(dirs * batch * hidden);
  const v = Float64Array.from(toNumbers(t));
  return layout === 1 ? swap01(v, batch, dirs, hidden) : v;
}

/** [a, b, c] -> [b, a, c]. */
function swap01(v: ArrayLike<number>, a: number, b: number, c: number): Float64Array {
  const out = new Float64Array(a * b * c);
  for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) for (let k = 0; k < c; k++) out[(j * a + i) * c + k] = v[(i * b + j) * c + k]!;
  return out;
}

/** X·W_dᵀ for every time step and batch row at once: [seq·batch, gates·H]. */
export function projectInput(s: RnnSetup, d: number, gates: number): Float64Array {
  const gh = gates * s.hidden;
  const out = new Float64Array(s.seq * s.batch * gh);
  gemm({ m: s.seq * s.batch, n: gh, k: s.inputSize, a: s.x, b: s.w, bOffset: d * gh * s.inputSize, transB: true, c: out });
  return out;
}

/** The time index that direction `d` processes at step `step` for batch row `b`, or -1 past its length. */
export function timeIndex(s: RnnSetup, d: number, step: number, b: number): number {
  const len = s.seqLens[b]!;
  if (step >= len) return -1;
  return s.reverse[d] ? len - 1 - step : step;
}

export function clipTo(v: number, clip: number): number {
  return v > clip ? clip : v < -clip ? -clip : v;
}

/** Y [seq, dirs, batch, H] and a final state [dirs, batch, H] as tensors in the requested layout. */
export function outputTensors(s: RnnSetup, y: Float64Array, states: Float64Array[]): Tensor[] {
  const { seq, dirs, batch, hidden } = s;
  if (s.layout === 0) {
    return [fromNumbers(s.dtype, [seq, dirs, batch, hidden], y), ...states.map((st) => fromNumbers(s.dtype, [dirs, batch, hidden], st))];
  }
  const yb = new Float64Array(y.length);
  for (let t = 0; t < seq; t++) {
    for (let d = 0; d < dirs; d++) {
      for (let b = 0; b < batch; b++) {
        for (let h = 0; h < hidden; h++) yb[((b * seq + t) * dirs + d) * hidden + h] = y[((t * dirs + d) * batch + b) * hidden + h]!;
      }
    }
  }
  return [
    fromNumbers(s.dtype, [batch, seq, dirs, hidden], yb),
    ...states.map((st) => fromNumbers(s.dtype, [batch, dirs, hidden], swap01(st, dirs, batch, hidden))),
  ];
}
