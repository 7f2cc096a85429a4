/**
 * The inferred dtype and shape of every value of a model, graph by graph (the main graph and each If/Loop/Scan
 * body), for `hodu inspect --shapes`, `--node` and the labels of `--graph dot`. It is the optimizer's
 * inference engine (best effort, constants folded so that Shape → Gather → Reshape chains resolve) over the
 * model as given; a body is inferred as a graph of its own whose inputs are its declared ones plus the outer
 * values it reads, typed as they were inferred outside. What cannot be known stays unknown (no dtype, or a
 * symbolic or '?' dim), as the runtime would find it out only when it runs.
 */
import { HoduError } from '../errors';
import { feedInputs, type Dim, type Graph, type Model, type ValueInfo } from '../ir/graph';
import { outerReads, subgraphsOf } from '../ir/subgraphs';
import { inferValues, type ValueFact } from '../passes/analysis/infer-values';
import { applyDimBindings, type DimBinding } from './dim-bindings';

/** Facts per graph: the main graph and every body, keyed by the Graph object of `model` (a body's include the outer values it reads). */
export type ScopeFacts = Map<Graph, Map<string, ValueFact>>;

export function inferModelValues(model: Model): ScopeFacts {
  const scopes: ScopeFacts = new Map();
  const walk = (g: Graph, facts: Map<string, ValueFact>) => {
    scopes.set(g, facts);
    for (const node of g.nodes) for (const body of subgraphsOf(node)) walk(body, inferBody(model, body, facts));
  };
  walk(model.graph, inferValues(model, { fold: true, inlineIfs: true }).facts);
  return scopes;
}

function inferBody(model: Model, body: Graph, outer: Map<string, ValueFact>): Map<string, ValueFact> {
  const declared = new Set(body.inputs.map((i) => i.name));
  const captured: ValueInfo[] = [];
  for (const name of outerReads(body)) {
    const f = outer.get(name);
    if (!declared.has(name) && f?.dtype) captured.push({ name, type: { kind: 'tensor', dtype: f.dtype, shape: f.shape } });
  }
  // The captured values stay in the body's facts, for the bodies nested in it that read them too.
  return inferValues({ ...model, graph: { ...body, inputs: [...body.inputs, ...captured] } }, { fold: true, inlineIfs: true }).facts;
}

/**
 * The model with `--dim NAME=N` bindings (dim-bindings.ts) and `--shape NAME=DIMS` overrides applied: what
 * inference then starts from. A --shape wins over a --dim for its input, as in `hodu run`; it must fit the
 * input's declared numeric dims. An unknown input name is E_INPUT_NAME with the input names in the hint.
 */
export function bindShapes(model: Model, opts: { dims: readonly DimBinding[]; shapes: ReadonlyMap<string, readonly number[]> }): Model {
  const g = model.graph;
  const names = feedInputs(g).map((i) => i.name);
  for (const [name, dims] of opts.shapes) {
    if (!names.includes(name)) throw new HoduError('E_INPUT_NAME', `--shape names '${name}', which is not an input of the model`, { hint: `the inputs are: ${names.join(', ') || '(none)'}` });
    const type = g.inputs.find((i) => i.name === name)?.type;
    const declared = type?.kind === 'tensor' ? type.shape : undefined;
    if (declared && (declared.length !== dims.length || declared.some((d, k) => typeof d === 'number' && d >= 0 && d !== dims[k]))) {
      throw new HoduError('E_INPUT_SHAPE', `--shape ${name}=${dims.join('x')} does not fit its declared shape [${declared.join(',')}]`, { hint: 'only symbolic or unknown dims can be set' });
    }
  }
  const bound = applyDimBindings(model, opts.dims);
  if (opts.shapes.size === 0) return bound;
  const inputs = bound.graph.inputs.map((i) => {
    const dims = opts.shapes.get(i.name);
    return dims && i.type?.kind === 'tensor' ? { ...i, type: { ...i.type, shape: [...dims] as Dim[] } } : i;
  });
  return { ...bound, graph: { ...bound.graph, inputs } };
}

/** `float32[1,3,224,224]`, `float32[N,?]`, `float32[*]` (rank unknown), `?` (nothing known). */
export function formatValueType(f: Pick<ValueFact, 'dtype' | 'shape'> | undefined): string {
  if (!f?.dtype && !f?.shape) return '?';
  return `${f.dtype ?? '?'}${f.shape ? `[${f.shape.join(',')}]` : '[*]'}`;
}
