/**
 * Every value of a model with its inferred dtype and shape (`hodu inspect M --shapes`), graph by graph: the
 * main graph, then each If/Loop/Scan body after the graph that holds it. In a graph, its inputs come first,
 * then each node's outputs in node order; initializers are weights (`--initializers` lists them) and are left
 * out. A graph is named by its path: `main`, `main/loop_0.body` (node name, then the attribute holding it).
 */
import type { Dim, Graph, Model } from '../ir/graph';
import { feedInputs } from '../ir/graph';
import { opId } from '../ir/op-id';
import { namedSubgraphs } from '../ir/subgraphs';
import type { ScopeFacts } from './inspect-values';

interface ValueShape {
  name: string;
  /** `input` of its graph, `output` of it (made by a node), or `value` (an intermediate). */
  kind: 'input' | 'output' | 'value';
  dtype: string | null;
  /** null when even the rank is unknown; a string dim is symbolic (or '?'). */
  shape: Dim[] | null;
  /** The op of the node that makes it (`domain::Op` outside the default domain); absent for inputs. */
  op?: string;
  node?: string;
}

interface GraphShapes {
  graph: string;
  values: ValueShape[];
}

export function listValueShapes(model: Model, scopes: ScopeFacts): GraphShapes[] {
  const out: GraphShapes[] = [];
  const walk = (g: Graph, path: string) => {
    const facts = scopes.get(g);
    const outputs = new Set(g.outputs.map((o) => o.name));
    const row = (name: string, kind: ValueShape['kind']): ValueShape => {
      const f = facts?.get(name);
      return { name, kind, dtype: f?.dtype ?? null, shape: f?.shape ? [...f.shape] : null };
    };
    const values = feedInputs(g).map((i) => row(i.name, 'input'));
    const bodies: [Graph, string][] = [];
    for (const node of g.nodes) {
      for (const name of node.outputs) if (name) values.push({ ...row(name, outputs.has(name) ? 'output' : 'value'), op: opId(node.domain, node.op), node: node.name });
      for (const [attr, body] of namedSubgraphs(node)) bodies.push([body, `${path}/${node.name}.${attr}`]);
    }
    out.push({ graph: path, values });
    for (const [body, p] of bodies) walk(body, p);
  };
  walk(model.graph, 'main');
  return out;
}
