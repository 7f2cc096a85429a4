/**
 * Whether a kernel list covers any node of a model, by op name alone: backend selection asks it before the
 * feeds are known, to keep a native backend that runs a model in part (src/runtime/partition/) as a candidate.
 * Here, below backends/ and runtime/, so that the registry can ask it without an import cycle.
 */
import type { Graph, Model } from '../ir/graph';
import { hasSubgraph, subgraphsOf } from '../ir/subgraphs';
import { kernelPrefix } from './kernel-names';

/** True when some node of `model` (nodes inside If/Loop/Scan bodies included) has a kernel of its op in `kernels`. */
export function anyNodeNative(model: Model, kernels: readonly string[]): boolean {
  const visit = (g: Graph): boolean =>
    g.nodes.some((n) => {
      if (hasSubgraph(n)) return subgraphsOf(n).some(visit);
      const prefix = `${kernelPrefix(n.op, n.domain)}_`;
      return kernels.some((k) => k.startsWith(prefix));
    });
  return visit(model.graph);
}
