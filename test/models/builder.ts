/** A small graph builder for the generated test models: names values and nodes, makes seeded weights. */
import type { Attribute, Dim, Graph, Model } from '../../src/ir/graph';
import { emptyGraph } from '../../src/ir/graph';
import { Tensor, float32Tensor, int64Tensor } from '../../src/ir/tensor';
import { Prng } from './prng';

export const int = (value: number): Attribute => ({ type: 'int', value });
export const ints = (value: number[]): Attribute => ({ type: 'ints', value });
export const float = (value: number): Attribute => ({ type: 'float', value });

export const OPSET = 17;
export const IR_VERSION = 8;

export class GraphBuilder {
  readonly graph: Graph;
  private readonly rng: Prng;
  private readonly counts = new Map<string, number>();

  constructor(name: string, seed: number) {
    this.graph = emptyGraph(name);
    this.rng = new Prng(seed);
  }

  input(name: string, shape: Dim[]): string {
    this.graph.inputs.push({ name, type: { kind: 'tensor', dtype: 'float32', shape } });
    return name;
  }

  output(name: string, shape: Dim[]): void {
    this.graph.outputs.push({ name, type: { kind: 'tensor', dtype: 'float32', shape } });
  }

  constant(name: string, t: Tensor): string {
    this.graph.initializers.set(name, t);
    return name;
  }

  /** Uniform weights in ±1/sqrt(fanIn) (Kaiming-uniform-like, keeps activations in a sane range). */
  weight(name: string, dims: number[], fanIn: number): string {
    const n = dims.reduce((a, b) => a * b, 1);
    const s = 1 / Math.sqrt(fanIn);
    return this.constant(name, float32Tensor(Array.from({ length: n }, () => this.rng.uniform(s)), dims));
  }

  /** Values around `center` ± `spread` (BatchNorm scale/variance, LayerNorm gamma). */
  around(name: string, dims: number[], center: number, spread: number): string {
    const n = dims.reduce((a, b) => a * b, 1);
    return this.constant(name, float32Tensor(Array.from({ length: n }, () => center + this.rng.uniform(spread)), dims));
  }

  scalar(name: string, v: number): string {
    return this.constant(name, float32Tensor([v], []));
  }

  shape(name: string, dims: number[]): string {
    return this.constant(name, int64Tensor(dims));
  }

  /** Adds a node and returns its output names; outputs are named after the node. */
  nodeN(op: string, inputs: string[], attributes: Record<string, Attribute> = {}, outputs = 1): string[] {
    const k = (this.counts.get(op) ?? 0) + 1;
    this.counts.set(op, k);
    const name = `${op.toLowerCase()}_${k}`;
    const outs = Array.from({ length: outputs }, (_, i) => (outputs === 1 ? name : `${name}_out${i}`));
    this.graph.nodes.push({ name, op, domain: '', inputs, outputs: outs, attributes });
    return outs;
  }

  node(op: string, inputs: string[], attributes: Record<string, Attribute> = {}): string {
    return this.nodeN(op, inputs, attributes)[0]!;
  }

  /** Renames the last node's output (so the graph output has a readable name). */
  rename(value: string, to: string): string {
    for (const n of this.graph.nodes) {
      n.inputs = n.inputs.map((i) => (i === value ? to : i));
      n.outputs = n.outputs.map((o) => (o === value ? to : o));
    }
    return to;
  }

  model(doc: string): Model {
    return {
      irVersion: IR_VERSION,
      opsetImports: [{ domain: '', version: OPSET }],
      producerName: 'hodu-test-models',
      producerVersion: '1',
      doc,
      metadata: {},
      graph: this.graph,
      functions: [],
    };
  }
}
