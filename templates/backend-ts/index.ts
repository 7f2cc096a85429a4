/**
 * __NAME__: a hodu backend plugin that runs float32 elementwise models (Add, Sub, Mul, Div, Relu, Neg).
 * A readable starting point: add an op to KERNELS and to "ops" in package.json.
 *
 * hodu calls the default export with its SDK (a compiled hodu cannot share its modules with a plugin),
 * so this file imports nothing at run time and must stay self-contained (bundle any dependency).
 * The interfaces below describe the part of the SDK used here; see docs/sdk-reference.md for all of it.
 * Priority 0 keeps the embedded interp backend the default; select this one with `--backend __NAME__`.
 */

interface Tensor {
  readonly dtype: string;
  readonly dims: readonly number[];
  readonly data: ArrayLike<unknown>;
}
interface Node {
  name: string;
  op: string;
  domain: string;
  inputs: string[];
  outputs: string[];
}
interface Model {
  graph: { nodes: Node[]; outputs: { name: string }[]; initializers: Map<string, Tensor> };
}
type Value = Tensor | Tensor[] | null;
interface Sdk {
  Tensor: new (dtype: string, dims: readonly number[], data?: unknown) => Tensor;
  HoduError: new (code: string, message: string, opts?: { hint?: string }) => Error;
  defineBackendPlugin<T>(plugin: T): T;
}

type Binary = (a: number, b: number) => number;
const BINARY: Record<string, Binary> = { Add: (a, b) => a + b, Sub: (a, b) => a - b, Mul: (a, b) => a * b, Div: (a, b) => a / b };
const UNARY: Record<string, (x: number) => number> = { Relu: (x) => (x > 0 ? x : 0), Neg: (x) => -x };
const OPS = [...Object.keys(BINARY), ...Object.keys(UNARY)];

/** numpy broadcasting of two shapes, or undefined when they are incompatible. */
function broadcastDims(a: readonly number[], b: readonly number[]): number[] | undefined {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return undefined;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** Flat index into a tensor of `dims` for each element of `outDims` (broadcast axes repeat). */
function broadcastIndex(dims: readonly number[], outDims: readonly number[]): Int32Array {
  const total = outDims.reduce((n, d) => n * d, 1);
  const index = new Int32Array(total);
  const offset = outDims.length - dims.length;
  for (let i = 0; i < total; i++) {
    let rest = i;
    let flat = 0;
    let stride = 1;
    for (let axis = outDims.length - 1; axis >= 0; axis--) {
      const coord = rest % outDims[axis]!;
      rest = Math.floor(rest / outDims[axis]!);
      const d = axis >= offset ? dims[axis - offset]! : 1;
      if (d !== 1) flat += coord * stride;
      stride *= d;
    }
    index[i] = flat;
  }
  return index;
}

function runNode(sdk: Sdk, node: Node, inputs: Tensor[]): Tensor {
  for (const t of inputs) {
    if (t.dtype !== 'float32') throw new sdk.HoduError('E_BACKEND', `__NAME__: ${node.op} node '${node.name}' got ${t.dtype}; only float32 is supported`);
  }
  const unary = UNARY[node.op];
  if (unary) return new sdk.Tensor('float32', inputs[0]!.dims, Float32Array.from(inputs[0]!.data as Float32Array, unary));
  const [a, b] = inputs as [Tensor, Tensor];
  const f = BINARY[node.op]!;
  const dims = broadcastDims(a.dims, b.dims);
  if (!dims) throw new sdk.HoduError('E_BACKEND', `__NAME__: ${node.op} node '${node.name}': shapes [${a.dims}] and [${b.dims}] do not broadcast`);
  const x = a.data as Float32Array;
  const y = b.data as Float32Array;
  const ia = broadcastIndex(a.dims, dims);
  const ib = broadcastIndex(b.dims, dims);
  return new sdk.Tensor('float32', dims, Float32Array.from(ia, (ai, i) => f(x[ai]!, y[ib[i]!]!)));
}

export default function (sdk: Sdk) {
  return sdk.defineBackendPlugin({
    name: '__NAME__',
    version: '0.1.0',
    capabilities: { runner: true, builder: false, devices: ['cpu'], priority: 0, ops: OPS, dtypes: ['float32'] },
    unsupportedOps(model: Model): string[] {
      return [...new Set(model.graph.nodes.filter((n) => n.domain !== '' || !OPS.includes(n.op)).map((n) => n.op))].sort();
    },
    createSession(model: Model) {
      return {
        async run(feeds: Map<string, Value>): Promise<Map<string, Value>> {
          const values = new Map<string, Value>([...model.graph.initializers, ...feeds]);
          // ONNX stores nodes in topological order, so one pass is enough.
          for (const node of model.graph.nodes) {
            const inputs = node.inputs.map((name) => {
              const v = values.get(name);
              if (!v || Array.isArray(v)) throw new sdk.HoduError('E_BACKEND', `__NAME__: node '${node.name}' input '${name}' is missing or not a tensor`);
              return v;
            });
            values.set(node.outputs[0]!, runNode(sdk, node, inputs));
          }
          return new Map(model.graph.outputs.map((o) => [o.name, values.get(o.name) ?? null]));
        },
      };
    },
  });
}
