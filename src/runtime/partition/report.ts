/** What `hodu run --explain` shows of a partitioned session: its partitions and the nodes that fell back. */
import type { InlinedIf } from '../../passes/analysis/body-facts';
import type { Partition, Fallback } from './split';

interface PartitionSummary {
  /** The backend that runs it: the native backend's name, or 'interp'. */
  backend: string;
  nodes: number;
  /** Its ops, each once, in first-use order. */
  ops: string[];
  /** When a native partition was moved to the interp: why (the plugin refused it, or it could not be planned). */
  movedToInterp?: string;
  /**
   * The node whose output shapes were known only once it ran: this partition was split (and planned) when the
   * run reached it, with the shapes that node produced, rather than before the run.
   */
  splitWhenReached?: string;
}

/** How a body of an If/Loop/Scan was split when it last ran (bodies are split when they run, with their shapes). */
export interface BodyReport {
  /** The node holding it and the attribute: `If 'branch' then_branch`. */
  body: string;
  partitions: PartitionSummary[];
  fallbacks: Fallback[];
  /** Ifs in it whose condition its input shapes decide: their taken branch's nodes ran in their place. */
  inlined?: InlinedIf[];
}

export interface PartitionReport {
  /** The native backend the session was made for. */
  native: string;
  partitions: PartitionSummary[];
  fallbacks: Fallback[];
  /** Nodes folded to constants before partitioning (they run on no backend). */
  folded: number;
  /** Ifs whose condition the input shapes decide: their taken branch's nodes were partitioned in their place. */
  inlined?: InlinedIf[];
  /** Bodies of If/Loop/Scan nodes that ran partitioned (in-process native sessions only). */
  bodies?: BodyReport[];
  /** Why If/Loop/Scan bodies were not partitioned, when they were not. */
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
