/**
 * Small single-node models that exercise one op, for `hodu plugin test`: each claimed op is run on the
 * plugin and on the interp (the reference) with the same seeded random inputs.
 */
import { type DType, isFloatDType } from '../ir/dtype';
import { emptyGraph, type Attribute, type Model } from '../ir/graph';
import { fromNumbers, int64Tensor, type Tensor } from '../ir/tensor';
import { mulberry32 } from '../util/prng';

interface OpProbe {
  /** What the probe covers, e.g. "broadcast [2,3,4] + [3,4]". */
  label: string;
  model: Model;
  feeds: Map<string, Tensor>;
}

interface ProbeSpec {
  label: string;
  /** Shapes of the fed inputs. */
  inputs: number[][];
  /** Constant inputs (initializers) after the fed ones, e.g. a Reshape shape. */
  consts?: Tensor[];
  attrs?: Record<string, Attribute>;
  /** Keep inputs positive (Log, Sqrt, Pow bases). */
  positive?: boolean;
}

const BINARY: ProbeSpec[] = [
  { label: 'same shape [2,3,4]', inputs: [[2, 3, 4], [2, 3, 4]] },
  { label: 'broadcast [2,3,4] with [3,4]', inputs: [[2, 3, 4], [3, 4]] },
  { label: 'broadcast [2,1,4] with [3,1]', inputs: [[2, 1, 4], [3, 1]] },
];
const UNARY: ProbeSpec[] = [
  { label: '[2,3,4]', inputs: [[2, 3, 4]] },
  { label: 'scalar', inputs: [[]] },
];
const POSITIVE_UNARY = UNARY.map((s) => ({ ...s, positive: true }));
const ints = (value: number[]): Attribute => ({ type: 'ints', value });
const int = (value: number): Attribute => ({ type: 'int', value });

const SPECS: Record<string, ProbeSpec[]> = {
  Add: BINARY, Sub: BINARY, Mul: BINARY, Max: BINARY, Min: BINARY,
  Div: BINARY.map((s) => ({ ...s, positive: true })),
  Pow: BINARY.map((s) => ({ ...s, positive: true })),
  Relu: UNARY, Sigmoid: UNARY, Tanh: UNARY, Exp: UNARY, Abs: UNARY, Neg: UNARY, Erf: UNARY, Identity: UNARY,
  Log: POSITIVE_UNARY, Sqrt: POSITIVE_UNARY, Reciprocal: POSITIVE_UNARY,
  MatMul: [
    { label: '[3,4] x [4,5]', inputs: [[3, 4], [4, 5]] },
    { label: 'batched [2,3,4] x [4,5]', inputs: [[2, 3, 4], [4, 5]] },
    { label: 'batched [2,3,4] x [2,4,5]', inputs: [[2, 3, 4], [2, 4, 5]] },
  ],
  Gemm: [
    { label: '[3,4] x [4,5] + [5]', inputs: [[3, 4], [4, 5], [5]] },
    { label: 'transB, alpha, beta', inputs: [[3, 4], [5, 4], [3, 5]], attrs: { transB: int(1), alpha: { type: 'float', value: 0.5 }, beta: { type: 'float', value: 2 } } },
  ],
  Softmax: [
    { label: '[2,5] last axis', inputs: [[2, 5]] },
    { label: '[2,3,4] axis 1', inputs: [[2, 3, 4]], attrs: { axis: int(1) } },
  ],
  Reshape: [{ label: '[2,3,4] -> [4,6]', inputs: [[2, 3, 4]], consts: [int64Tensor([4, 6])] }],
  Flatten: [{ label: '[2,3,4] axis 1', inputs: [[2, 3, 4]] }],
  Squeeze: [{ label: '[2,1,4] axes [1]', inputs: [[2, 1, 4]], consts: [int64Tensor([1])] }],
  Unsqueeze: [{ label: '[2,4] axes [0]', inputs: [[2, 4]], consts: [int64Tensor([0])] }],
  Transpose: [{ label: '[2,3,4] perm [2,0,1]', inputs: [[2, 3, 4]], attrs: { perm: ints([2, 0, 1]) } }],
  Concat: [{ label: '[2,3] ++ [2,2] axis 1', inputs: [[2, 3], [2, 2]], attrs: { axis: int(1) } }],
  Conv: [
    { label: '3x3 pads 1', inputs: [[1, 2, 5, 5], [3, 2, 3, 3]], attrs: { pads: ints([1, 1, 1, 1]) } },
    { label: 'stride 2 with bias', inputs: [[1, 2, 6, 6], [2, 2, 3, 3], [2]], attrs: { strides: ints([2, 2]) } },
  ],
  BatchNormalization: [{ label: '[1,3,2,2]', inputs: [[1, 3, 2, 2], [3], [3], [3], [3]], positive: true }],
  GlobalAveragePool: [{ label: '[1,3,4,4]', inputs: [[1, 3, 4, 4]] }],
  MaxPool: [{ label: '2x2 stride 2', inputs: [[1, 2, 4, 4]], attrs: { kernel_shape: ints([2, 2]), strides: ints([2, 2]) } }],
};

/** The probes for `op` at `dtype` (empty when hodu has no probe for that op). */
export function probesFor(op: string, dtype: DType, seed = 1): OpProbe[] {
  const specs = SPECS[op] ?? [];
  const rand = mulberry32(seed);
  return specs.map((spec) => {
    const feeds = new Map<string, Tensor>();
    const graph = emptyGraph(`${op}_probe`);
    spec.inputs.forEach((dims, i) => {
      const n = dims.reduce((a, b) => a * b, 1);
      const values = Array.from({ length: n }, () => {
        if (!isFloatDType(dtype)) return Math.floor(rand() * 7) + (spec.positive ? 1 : -3);
        return spec.positive ? 0.5 + rand() : rand() * 4 - 2;
      });
      feeds.set(`x${i}`, fromNumbers(dtype, dims, values));
      graph.inputs.push({ name: `x${i}`, type: { kind: 'tensor', dtype, shape: dims } });
    });
    const constNames = (spec.consts ?? []).map((t, i) => {
      graph.initializers.set(`c${i}`, t);
      return `c${i}`;
    });
    graph.nodes.push({ name: `${op}_0`, op, domain: '', inputs: [...feeds.keys(), ...constNames], outputs: ['y'], attributes: spec.attrs ?? {} });
    graph.outputs.push({ name: 'y' });
    const model: Model = { irVersion: 8, opsetImports: [{ domain: '', version: 17 }], metadata: {}, graph, functions: [] };
    return { label: spec.label, model, feeds };
  });
}
