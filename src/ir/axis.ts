import { nodeError } from './node-error';
import type { NodeRef } from './node-label';

/**
 * The one axis normalisation: a possibly-negative `axis` against `rank` → 0..rank-1, or E_ATTR naming the
 * node and the valid range. `allowEnd` admits `rank` itself (-rank..rank → 0..rank) for attributes that
 * name a split point rather than an axis (Flatten's `axis`). Insert positions counted from the end of the
 * *output* (Unsqueeze, ConcatFromSequence's new axis) pass the output rank instead.
 * `what` names the value in the message (`axis`, `axes[1]`, `scan_output_axes[0]`, …).
 */
export function normalizeAxis(axis: number, rank: number, node: NodeRef, what = 'axis', opts: { allowEnd?: boolean } = {}): number {
  const last = opts.allowEnd ? rank : rank - 1;
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a > last) {
    throw nodeError(node, 'E_ATTR', `${what} ${axis} is out of range for rank ${rank}`, `valid values are ${-rank}..${last}`);
  }
  return a;
}
