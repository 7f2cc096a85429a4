/**
 * A reader for the DOT `hodu inspect --graph dot` writes, written for the tests from the DOT grammar (not from
 * the renderer): one statement per line, `ID [attrs];` for a node and `ID -> ID [attrs];` for an edge, attribute
 * values in double quotes where DOT reads `\"` as a quote, and label escapes (`\\`, `\n`) read as Graphviz
 * reads them. Braces are counted outside quoted strings.
 */
import type { Graph, Model, Node } from '../../src/ir/graph';

export interface DotGraph {
  nodes: Map<string, Record<string, string>>;
  edges: { from: string; to: string; attrs: Record<string, string> }[];
  /** Open minus closed braces outside strings at the end (0 when balanced); never negative on the way if balanced. */
  depth: number;
  minDepth: number;
  clusters: number;
}

const STRING = /"((?:[^"\\]|\\.)*)"/y;

function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const key = /\s*,?\s*([A-Za-z_]+)\s*=\s*/y;
    key.lastIndex = i;
    const k = key.exec(text);
    if (!k) break;
    i = key.lastIndex;
    STRING.lastIndex = i;
    const s = STRING.exec(text);
    if (s) {
      attrs[k[1]!] = s[1]!.replace(/\\"/g, '"');
      i = STRING.lastIndex;
    } else {
      const bare = /[^,\s]+/y;
      bare.lastIndex = i;
      const b = bare.exec(text)!;
      attrs[k[1]!] = b[0];
      i = bare.lastIndex;
    }
  }
  return attrs;
}

/** A label as Graphviz shows it: `\\` is a backslash, `\n` `\l` `\r` end a line, anything else escaped is itself. */
export function labelText(raw: string): string {
  return raw.replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'l' || c === 'r' ? '\n' : c));
}

export function parseDot(text: string): DotGraph {
  const g: DotGraph = { nodes: new Map(), edges: [], depth: 0, minDepth: 0, clusters: 0 };
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') g.depth++;
    else if (c === '}') g.minDepth = Math.min(g.minDepth, --g.depth);
  }
  for (const line of text.split('\n')) {
    const edge = /^\s*(\w+) -> (\w+) \[(.*)\];$/.exec(line);
    if (edge) {
      g.edges.push({ from: edge[1]!, to: edge[2]!, attrs: parseAttrs(edge[3]!) });
      continue;
    }
    const node = /^\s*(\w+) \[(.*)\];$/.exec(line);
    if (node && !['graph', 'node', 'edge'].includes(node[1]!)) g.nodes.set(node[1]!, parseAttrs(node[2]!));
    if (/^\s*subgraph cluster_\w+ \{$/.test(line)) g.clusters++;
  }
  return g;
}

/** Every node of a model, bodies included, in graph order. */
export function allNodes(g: Graph): Node[] {
  const out: Node[] = [];
  for (const n of g.nodes) {
    out.push(n);
    for (const a of Object.values(n.attributes)) {
      if (a.type === 'graph') out.push(...allNodes(a.value));
      if (a.type === 'graphs') for (const s of a.value) out.push(...allNodes(s));
    }
  }
  return out;
}

/**
 * Checks a model's DOT: every node (bodies included) is one box labelled "op\nname", every input it reads is an
 * edge into that box labelled with the value's name first, every graph output is an ellipse with an edge in.
 * Returns what failed (empty when all is there).
 */
export function missingFromDot(model: Model, dot: DotGraph): string[] {
  const problems: string[] = [];
  const byLabel = new Map<string, string[]>();
  for (const [id, attrs] of dot.nodes) {
    const label = labelText(attrs.label ?? '');
    byLabel.set(label, [...(byLabel.get(label) ?? []), id]);
  }
  const nodes = allNodes(model.graph);
  const boxes = [...dot.nodes.values()].filter((a) => a.style === 'rounded,filled');
  if (boxes.length !== nodes.length) problems.push(`${boxes.length} node boxes for ${nodes.length} nodes`);
  for (const n of nodes) {
    const op = n.domain ? `${n.domain}::${n.op}` : n.op;
    const ids = byLabel.get(`${op}\n${n.name}`) ?? [];
    if (ids.length !== 1) {
      problems.push(`node ${n.name}: ${ids.length} boxes labelled with it`);
      continue;
    }
    const into = dot.edges.filter((e) => e.to === ids[0]).map((e) => labelText(e.attrs.label ?? ''));
    for (const input of n.inputs.filter(Boolean)) {
      // The value's name, then its type on the next line when known (a name may hold line breaks itself).
      const k = into.findIndex((l) => l === input || l.startsWith(`${input}\n`));
      if (k < 0) problems.push(`node ${n.name}: no edge for its input ${input}`);
      else into.splice(k, 1);
    }
  }
  for (const o of model.graph.outputs) {
    const ids = [...dot.nodes].filter(([, a]) => a.shape === 'ellipse' && labelText(a.label ?? '').split('\n')[0] === o.name && a.fillcolor !== undefined).map(([id]) => id);
    if (!ids.some((id) => dot.edges.some((e) => e.to === id))) problems.push(`graph output ${o.name}: no ellipse with an edge into it`);
  }
  return problems;
}
