/**
 * A model as a Graphviz digraph (`hodu inspect M --graph dot`). One box per node (op, then its name), one
 * ellipse per graph input (green) and output (blue), one small grey box per initializer, one edge per read
 * of a value, labelled with the value's name and its inferred dtype[shape] when known. If/Loop/Scan bodies
 * are clusters next to their node: their inputs and outputs are ellipses inside, an outer value a body reads
 * is an edge from where it is made into the cluster, and each body output has a dashed edge back to the node.
 * A read of a name nothing defines is a dashed red ellipse, so a broken model still draws.
 *
 * Ids are generated (`n3`, `s2_i0`), never names, so any name is safe: names appear only in labels, escaped
 * for DOT. The text depends only on the model, in its order, so the same model gives the same file.
 */
import type { Graph, Model, Node } from '../../ir/graph';
import { opId } from '../../ir/op-id';
import { namedSubgraphs } from '../../ir/subgraphs';
import type { ValueFact } from '../../passes/analysis/infer-values';
import { formatValueType, type ScopeFacts } from '../inspect-values';

const STYLE = {
  node: 'shape=box, style="rounded,filled", fillcolor="#ffffff"',
  input: 'shape=ellipse, style=filled, fillcolor="#d9f2d9"',
  output: 'shape=ellipse, style=filled, fillcolor="#d6e4f5"',
  initializer: 'shape=box, style=filled, fillcolor="#eeeeee", fontsize=8',
  bodyInput: 'shape=ellipse, style="filled,dashed", fillcolor="#f4f4e0"',
  bodyOutput: 'shape=ellipse, style="filled,dashed", fillcolor="#f4f4e0"',
  undefined: 'shape=ellipse, style=dashed, color="#cc0000", fontcolor="#cc0000"',
};

/** Where each name visible in a graph comes from: a DOT id, looked up through the enclosing graphs. */
interface Scope {
  ids: Map<string, string>;
  facts: Map<string, ValueFact>;
  parent?: Scope;
}

export function renderDot(model: Model, scopes: ScopeFacts): string {
  const lines = [
    `digraph ${quote(model.graph.name || 'model')} {`,
    '  graph [rankdir=TB, charset="UTF-8", fontname="Helvetica", fontsize=10];',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=8];',
  ];
  let clusters = 0;
  let missing = 0;

  const lookup = (scope: Scope, name: string): { id: string; fact?: ValueFact } | undefined => {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const id = s.ids.get(name);
      if (id) return { id, fact: scope.facts.get(name) ?? s.facts.get(name) };
    }
    return undefined;
  };
  const edgeLabel = (name: string, fact: ValueFact | undefined) => {
    const type = formatValueType(fact);
    return type === '?' ? name : `${name}\n${type}`;
  };

  const drawGraph = (g: Graph, prefix: string, parent: Scope | undefined, indent: string, body?: { owner: string }) => {
    const scope: Scope = { ids: new Map(), facts: scopes.get(g) ?? new Map(), parent };
    const out = (s: string) => lines.push(indent + s);
    const typed = (name: string) => {
      const type = formatValueType(scope.facts.get(name));
      return type === '?' ? name : `${name}\n${type}`;
    };
    g.inputs.forEach((v, i) => {
      if (g.initializers.has(v.name)) return;
      const id = `${prefix}i${i}`;
      scope.ids.set(v.name, id);
      out(`${id} [${body ? STYLE.bodyInput : STYLE.input}, label=${quote(typed(v.name))}];`);
    });
    let k = 0;
    for (const name of g.initializers.keys()) {
      const id = `${prefix}w${k++}`;
      scope.ids.set(name, id);
      out(`${id} [${STYLE.initializer}, label=${quote(typed(name))}];`);
    }
    const edge = (name: string, to: string, extra = '') => {
      let from = lookup(scope, name);
      if (!from) {
        const id = `u${missing++}`;
        lines.push(`  ${id} [${STYLE.undefined}, label=${quote(`${name}\n(undefined)`)}];`);
        scope.ids.set(name, id);
        from = { id };
      }
      out(`${from.id} -> ${to} [label=${quote(edgeLabel(name, from.fact))}${extra}];`);
    };
    g.nodes.forEach((node, n) => {
      const id = `${prefix}n${n}`;
      out(`${id} [${STYLE.node}, label=${quote(nodeLabel(node))}];`);
      for (const name of node.inputs) if (name) edge(name, id);
      for (const [attr, sub] of namedSubgraphs(node)) {
        const c = ++clusters;
        out(`subgraph cluster_${c} {`);
        out(`  label=${quote(`${node.op} ${node.name}: ${attr}`)}; style="rounded,dashed"; color="#888888";`);
        drawGraph(sub, `s${c}_`, scope, `${indent}  `, { owner: id });
        out('}');
      }
      for (const name of node.outputs) if (name) scope.ids.set(name, id);
    });
    g.outputs.forEach((v, i) => {
      const id = `${prefix}o${i}`;
      out(`${id} [${body ? STYLE.bodyOutput : STYLE.output}, label=${quote(typed(v.name))}];`);
      edge(v.name, id);
      if (body) out(`${id} -> ${body.owner} [style=dashed, arrowhead=empty];`);
    });
  };

  drawGraph(model.graph, '', undefined, '  ');
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** `Conv` then the node's name on a second line; a non-default domain is shown as `domain::Op`. */
function nodeLabel(node: Node): string {
  const op = opId(node.domain, node.op);
  return node.name && node.name !== op ? `${op}\n${node.name}` : op;
}

/**
 * A DOT double-quoted string. Inside one, DOT reads `\"` as a quote, and a label reads `\n`, `\l`, `\r`, `\N`,
 * `\G`, … as its own escapes, so every backslash is doubled first; line breaks become `\n` (centered lines),
 * other control characters U+FFFD. The rest, unicode included, is UTF-8 text (charset="UTF-8").
 */
function quote(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '\ufffd');
  return `"${body}"`;
}
