import { HoduError } from '../../errors';
import type { Graph, Model, Node } from '../../ir/graph';
import { opsetFor } from '../../ir/graph';
import { nodeError } from '../../ir/node-error';
import { outerReads, subgraphsOf } from '../../ir/subgraphs';
import { makeContext, type Value } from './kernel';
import { getKernel } from './kernel-registry';

/** Scope of values visible to a graph: its own plus (read-only) its enclosing graphs'. */
class Scope {
  private readonly own = new Map<string, Value>();
  constructor(private readonly parent?: Scope) {}
  get(name: string): Value | undefined {
    return this.own.has(name) ? this.own.get(name) : this.parent?.get(name);
  }
  has(name: string): boolean {
    return this.own.has(name) || (this.parent?.has(name) ?? false);
  }
  set(name: string, v: Value): void {
    this.own.set(name, v);
  }
  delete(name: string): void {
    this.own.delete(name);
  }
}

/** What a profiled node ran with and when (a trace of the run, FLOP counts from its shapes). */
export interface NodeRunDetail {
  /** Start, in ms since run() began. */
  startMs: number;
  /** Wall time, body nodes included. */
  wallMs: number;
  /** 0 in the main graph, 1 in a body of one of its nodes, … */
  depth: number;
  inputs: readonly (Value | undefined)[];
  outputs: readonly Value[];
}

interface ExecuteOptions {
  /**
   * Called after each node ran, with its self time in ms (profiling). Nodes inside If/Loop/Scan bodies are
   * reported on their own, and their time is left out of the If/Loop/Scan node's, so every millisecond is
   * counted once.
   */
  onNodeDone?(node: Node, ms: number, detail: NodeRunDetail): void;
  /** Called after each node of the main graph (not of bodies): `done` of `total` have run (a progress line). */
  onNodeProgress?(done: number, total: number): void;
  /**
   * Runs an If/Loop/Scan body instead of the executor (a partitioned session runs the body's supported nodes on
   * a native backend: src/runtime/partition/bodies.ts). `outer` reads the enclosing scopes. Returns undefined to
   * let the executor run the body itself.
   */
  runBody?(graph: Graph, feeds: Map<string, Value>, outer: (name: string) => Value | undefined): Map<string, Value> | undefined;
}

/**
 * Runs a model's graph node by node on the interp kernels. Nodes are run in file order (ONNX requires
 * topological order; the verifier checks it). Intermediate values are dropped after their last use.
 */
export class Executor {
  /** Profiling: time spent in the nodes of the subgraphs each running node has entered so far (innermost last). */
  private bodyMs: number[] = [];
  private runStart = 0;

  constructor(private readonly model: Model, private readonly options: ExecuteOptions = {}) {}

  run(feeds: Map<string, Value>): Map<string, Value> {
    this.bodyMs = [];
    this.runStart = performance.now();
    return this.runGraph(this.model.graph, feeds, undefined);
  }

  private runGraph(graph: Graph, feeds: Map<string, Value>, parent: Scope | undefined): Map<string, Value> {
    const scope = new Scope(parent);
    for (const [name, t] of graph.initializers) scope.set(name, t);
    for (const [name, v] of feeds) scope.set(name, v);
    const keep = new Set(graph.outputs.map((o) => o.name));
    const lastUse = cachedLastUses(graph);
    graph.nodes.forEach((node, index) => {
      const inputs = node.inputs.map((name) => {
        if (name === '') return undefined;
        if (!scope.has(name)) {
          throw nodeError(node, 'E_GRAPH', `reads '${name}', which no node, input or initializer provides`,
            'the model is malformed or a graph input was not fed');
        }
        return scope.get(name);
      });
      const started = this.options.onNodeDone ? this.startTiming() : 0;
      const outputs = this.runNode(node, inputs, scope);
      if (this.options.onNodeDone) {
        const wallMs = performance.now() - started;
        const self = this.stopTiming(started, wallMs);
        this.options.onNodeDone(node, self, { startMs: started - this.runStart, wallMs, depth: this.bodyMs.length, inputs, outputs });
      }
      if (graph === this.model.graph) this.options.onNodeProgress?.(index + 1, graph.nodes.length);
      node.outputs.forEach((name, i) => {
        if (name !== '') scope.set(name, outputs[i] ?? null);
      });
      for (const name of node.inputs) {
        if (lastUse.get(name) === index && !keep.has(name) && !graph.initializers.has(name)) scope.delete(name);
      }
    });
    const result = new Map<string, Value>();
    for (const o of graph.outputs) {
      if (!scope.has(o.name)) {
        throw new HoduError('E_GRAPH', `graph '${graph.name}' output '${o.name}' is never produced`, { hint: 'the model is malformed' });
      }
      result.set(o.name, scope.get(o.name)!);
    }
    return result;
  }

  private startTiming(): number {
    this.bodyMs.push(0);
    return performance.now();
  }

  /** The node's self time; its wall time is added to the enclosing If/Loop/Scan node's body time. */
  private stopTiming(started: number, wall = performance.now() - started): number {
    const body = this.bodyMs.pop() ?? 0;
    if (this.bodyMs.length) this.bodyMs[this.bodyMs.length - 1]! += wall;
    return Math.max(0, wall - body);
  }

  private runNode(node: Node, inputs: (Value | undefined)[], scope: Scope): Value[] {
    const kernel = getKernel(node.op, node.domain);
    const opset = opsetFor(this.model, node.domain) ?? 1;
    if (!kernel) {
      throw nodeError(node, 'E_UNSUPPORTED_OP', `the op (opset ${opset}) is not supported by the interp backend`,
        'run `hodu inspect MODEL` to see the ops it uses; please report the op so it can be added');
    }
    const ctx = makeContext(node, opset, (g, subInputs) => {
      const feeds = new Map<string, Value>();
      g.inputs.forEach((inp, i) => feeds.set(inp.name, subInputs[i] ?? null));
      const out = this.options.runBody?.(g, feeds, (name) => scope.get(name)) ?? this.runGraph(g, feeds, scope);
      return g.outputs.map((o) => out.get(o.name) ?? null);
    });
    try {
      return kernel(inputs, ctx);
    } catch (e) {
      if (e instanceof HoduError) throw e;
      const msg = e instanceof Error ? e.message : String(e);
      throw nodeError(node, 'E_KERNEL', `failed: ${msg}`,
        'check the input shapes and dtypes (hodu inspect MODEL); run with --verbose for details', e);
    }
  }
}

/** lastUses per graph, computed once: a graph is run many times (Loop bodies, repeated session runs). */
const lastUseCache = new WeakMap<Graph, Map<string, number>>();
function cachedLastUses(graph: Graph): Map<string, number> {
  let m = lastUseCache.get(graph);
  if (!m) lastUseCache.set(graph, (m = lastUses(graph)));
  return m;
}

/** Index of the last node that reads each value (subgraph reads of outer values count at the owning node). */
function lastUses(graph: Graph): Map<string, number> {
  const last = new Map<string, number>();
  graph.nodes.forEach((node, i) => {
    for (const n of node.inputs) last.set(n, i);
    for (const g of subgraphsOf(node)) for (const n of outerReads(g)) last.set(n, i);
  });
  return last;
}

