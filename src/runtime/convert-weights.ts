/**
 * `hodu convert model.onnx weights.safetensors|.npz`: the model's weights as a tensor file, keyed by their
 * value names. Weights are the initializers and the tensors of Constant nodes (which older exporters use for
 * every weight), in the main graph and in If/Loop/Scan bodies.
 */
import { HoduError } from '../errors';
import type { Attribute, Graph, Model, Node } from '../ir/graph';
import { namedSubgraphs } from '../ir/subgraphs';
import { float32Tensor, int64Tensor, Tensor } from '../ir/tensor';
import type { TensorMap } from '../sdk/format';

export interface ExtractedWeight {
  name: string;
  /** 'initializer', or 'constant' for a Constant node's output. */
  source: 'initializer' | 'constant';
  /** 'main', or the body's path: `main/<node>.<attribute>` (`main/loop_1.body`). */
  graph: string;
  /** The Constant node, for source 'constant'. */
  node?: string;
  dtype: string;
  shape: number[];
}

export function extractWeights(model: Model): { tensors: TensorMap; weights: ExtractedWeight[] } {
  const tensors: TensorMap = new Map();
  const weights: ExtractedWeight[] = [];
  const add = (name: string, t: Tensor, w: Omit<ExtractedWeight, 'name' | 'dtype' | 'shape'>) => {
    if (tensors.has(name)) {
      throw new HoduError('E_CONVERT', `two weights of the model are named '${name}' (${weights.find((x) => x.name === name)!.graph} and ${w.graph})`, {
        hint: 'value names must be unique across the model; re-export it',
      });
    }
    tensors.set(name, t);
    weights.push({ name, ...w, dtype: t.dtype, shape: [...t.dims] });
  };
  const walk = (g: Graph, path: string) => {
    for (const [name, t] of g.initializers) add(name, t, { source: 'initializer', graph: path });
    for (const node of g.nodes) {
      const t = node.op === 'Constant' && node.domain === '' ? constantTensor(node) : undefined;
      if (t && node.outputs[0]) add(node.outputs[0], t, { source: 'constant', graph: path, node: node.name });
      for (const [attr, body] of namedSubgraphs(node)) walk(body, `${path}/${node.name}.${attr}`);
    }
  };
  walk(model.graph, 'main');
  return { tensors, weights };
}

/** The value of a Constant node, whichever attribute holds it. */
function constantTensor(node: Node): Tensor | undefined {
  const [a] = Object.values(node.attributes) as (Attribute | undefined)[];
  const which = Object.keys(node.attributes)[0];
  if (!a) return undefined;
  if (a.type === 'tensor' || a.type === 'sparse_tensor') return a.value;
  if (which === 'value_float' && a.type === 'float') return float32Tensor([a.value], []);
  if (which === 'value_floats' && a.type === 'floats') return float32Tensor(a.value, [a.value.length]);
  if (which === 'value_int' && a.type === 'int') return int64Tensor([a.value], []);
  if (which === 'value_ints' && a.type === 'ints') return int64Tensor(a.value);
  if (which === 'value_string' && a.type === 'string') return new Tensor('string', [], [a.value]);
  if (which === 'value_strings' && a.type === 'strings') return new Tensor('string', [a.value.length], a.value);
  return undefined;
}
