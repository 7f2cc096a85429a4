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

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function runNode(sdk: Sdk, node: Node, inputs: Tensor[]): Tensor {
  for (const t of inputs) {
    if (t.dtype !== 'float32') throw new sdk.HoduError('E_BACKEND', `__NAME__: ${node.op} node '${node.name}' got ${t.dtype}; only float32 is supported`);
  }
  const unary = UNARY[node.op];
  if (unary) return new sdk.Tensor('float32', inputs[0]!.dims, Float32Array.from(inputs[0]!.data as Float32Array, unary));
  const [a, b] = inputs as [Tensor, Tensor];
  const f = BINARY[node.op]!;
  const x = a.data as Float32Array;
  const y = b.data as Float32Array;
  // Same shapes, or one side a single element; general broadcasting is left as an exercise.
  if (sameDims(a.dims, b.dims)) return new sdk.Tensor('float32', a.dims, x.map((v, i) => f(v, y[i]!)));
  if (y.length === 1) return new sdk.Tensor('float32', a.dims, x.map((v) => f(v, y[0]!)));
  if (x.length === 1) return new sdk.Tensor('float32', b.dims, y.map((v) => f(x[0]!, v)));
  throw new sdk.HoduError('E_BACKEND', `__NAME__: ${node.op} node '${node.name}': shapes [${a.dims}] and [${b.dims}] need broadcasting, which this backend does not do`);
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
