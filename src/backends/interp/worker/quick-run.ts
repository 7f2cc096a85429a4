/**
 * Whether a run is surely short (≲ 20 ms of interp work), judged from the static shapes of its values before
 * it starts. Such a run stays on the main thread: starting the executor worker (which loads every kernel a
 * second time, tens of ms) would cost more than the run, and a Ctrl+C waits at most that long. Anything not
 * known to be small (unknown shapes, control flow, ops whose cost is not a product of shapes) counts as long.
 */
import type { Model, Node } from '../../../ir/graph';
import { Tensor } from '../../../ir/tensor';
import { nodeAttr } from '../../../ops/registry';
import type { RuntimeValue } from '../../../sdk/backend';

/** Work units (multiply-adds, or elements read and written) up to which a run counts as quick. */
export const QUICK_RUN_WORK = 20_000_000;

// Ops whose cost is not bounded by the shape products below (sequential, data-dependent or superlinear).
const UNBOUNDED = new Set([
  'LSTM', 'GRU', 'RNN', 'Einsum', 'DFT', 'STFT', 'Det', 'NonMaxSuppression', 'Attention', 'Multinomial',
  'RoiAlign', 'MaxRoiPool', 'Col2Im', 'Unique', 'TopK', 'Resize', 'GridSample', 'TfIdfVectorizer',
]);

export async function isQuickRun(model: Model, feeds: Map<string, RuntimeValue>): Promise<boolean> {
  const shapes = new Map<string, readonly number[]>();
  for (const [name, v] of feeds) {
    if (!(v instanceof Tensor)) return false;
    shapes.set(name, v.dims);
  }
  // Lazy: the planner sits above the backends (plan → passes → interp kernels), so a static import would tie
  // the folders in a cycle; by the time a run asks this, every kernel is loaded anyway.
  const { inferStaticGraph } = await import('../../../plan/static-shapes');
  let dims: Map<string, number[]>;
  let nodes: Node[];
  try {
    const g = inferStaticGraph(model, shapes);
    dims = new Map([...g.values].map(([name, v]) => [name, v.dims]));
    nodes = g.nodes.map((p) => p.node);
  } catch {
    return false; // a shape it cannot know statically (or control flow): not provably quick
  }
  let work = 0;
  for (const node of nodes) {
    const w = nodeWork(node, dims);
    if (w === undefined) return false;
    work += w;
    if (work > QUICK_RUN_WORK) return false;
  }
  return true;
}

/** The work of one node from its static shapes, or undefined when it cannot be bounded that way. */
function nodeWork(node: Node, dims: Map<string, number[]>): number | undefined {
  if (UNBOUNDED.has(node.op)) return undefined;
  const shapeOf = (name: string | undefined) => (name ? dims.get(name) : undefined);
  const outs = node.outputs.filter((o) => o !== '').map(shapeOf);
  if (outs.some((s) => s === undefined)) return undefined;
  const outElems = outs.reduce((n, s) => n + count(s!), 0);
  const inElems = node.inputs.reduce((n, name) => n + count(shapeOf(name) ?? []), 0);
  const a = shapeOf(node.inputs[0]);
  switch (node.op) {
    case 'MatMul':
    case 'MatMulInteger':
    case 'QLinearMatMul':
      return a ? outElems * (a[a.length - 1] ?? 1) : undefined;
    case 'Gemm': {
      const transA = nodeAttr<number>(node, 'transA') !== 0;
      return a?.length === 2 ? outElems * a[transA ? 0 : 1]! : undefined;
    }
    case 'Conv':
    case 'ConvInteger':
    case 'QLinearConv': {
      const w = shapeOf(node.inputs[node.op === 'QLinearConv' ? 3 : 1]);
      return w ? outElems * count(w.slice(1)) : undefined;
    }
    case 'ConvTranspose': {
      const w = shapeOf(node.inputs[1]);
      return w && a ? count(a) * count(w.slice(1)) : undefined;
    }
    case 'MaxPool':
    case 'AveragePool':
    case 'LpPool': {
      // Required, no default to restate; a missing one is the kernel's error to report, not the estimate's.
      const k = node.attributes.kernel_shape;
      return k?.type === 'ints' ? outElems * count(k.value) : undefined;
    }
    default:
      // Elementwise ops, data movement, reductions, normalizations: linear in what they read and write.
      return inElems + outElems;
  }
}

function count(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
