import type { Graph } from '../ir/graph';
import { mapSubgraphs, renameCaptures } from '../ir/subgraphs';

/** Applies `rename` to every read of a value (inputs, subgraph captures not shadowed there) and every node output. */
export function renameValues(g: Graph, rename: ReadonlyMap<string, string>): Graph {
  if (!rename.size) return g;
  const map = (n: string) => rename.get(n) ?? n;
  return {
    ...g,
    nodes: g.nodes.map((n) => mapSubgraphs({ ...n, inputs: n.inputs.map(map), outputs: n.outputs.map(map) }, (s) => renameCaptures(s, rename))),
    valueInfo: g.valueInfo.filter((v) => !rename.has(v.name)),
  };
}
