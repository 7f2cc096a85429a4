/** What `hodu run --explain` shows of a partitioned session: its partitions and the nodes that fell back. */
import type { Partition, Fallback } from './split';

export interface PartitionSummary {
  /** The backend that runs it: the native backend's name, or 'interp'. */
  backend: string;
  nodes: number;
  /** Its ops, each once, in first-use order. */
  ops: string[];
  /** When a native partition was moved to the interp: why (the plugin refused it, or it could not be planned). */
  movedToInterp?: string;
}

export interface PartitionReport {
  /** The native backend the session was made for. */
  native: string;
  partitions: PartitionSummary[];
  fallbacks: Fallback[];
  /** Nodes folded to constants before partitioning (they run on no backend). */
  folded: number;
  /** Control-flow bodies (If/Loop/Scan) run on the interp whole; see README "Partitioned runs". */
  note?: string;
}

export function summarize(p: Partition, backend: string): PartitionSummary {
  const ops: string[] = [];
  for (const n of p.nodes) {
    const id = n.domain ? `${n.domain}::${n.op}` : n.op;
    if (!ops.includes(id)) ops.push(id);
  }
  return { backend, nodes: p.nodes.length, ops };
}
