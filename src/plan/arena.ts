/**
 * Arena planning: intermediates share one buffer. Each tensor is live from the step that writes it to the
 * last step that reads it (inclusive: a step's inputs and outputs must not overlap). Tensors are placed in
 * order of definition at the lowest 64-byte aligned offset that does not overlap any tensor still live —
 * greedy first fit, so memory of a value is reused as soon as its last reader has run.
 */
import { alignUp, MANIFEST_ALIGN } from '../sdk/manifest';

export interface ArenaItem {
  id: number;
  byteSize: number;
  /** Index of the step that writes it. */
  firstStep: number;
  /** Index of the last step that reads it (firstStep when nothing reads it). */
  lastStep: number;
}

interface ArenaPlan {
  offsets: Map<number, number>;
  size: number;
}

export function planArena(items: readonly ArenaItem[]): ArenaPlan {
  const order = [...items].sort((a, b) => a.firstStep - b.firstStep || b.byteSize - a.byteSize || a.id - b.id);
  const live: { offset: number; size: number; lastStep: number }[] = [];
  const offsets = new Map<number, number>();
  let size = 0;
  for (const item of order) {
    for (let i = live.length - 1; i >= 0; i--) if (live[i]!.lastStep < item.firstStep) live.splice(i, 1);
    const need = alignUp(item.byteSize, MANIFEST_ALIGN);
    if (need === 0) {
      offsets.set(item.id, 0);
      continue;
    }
    live.sort((a, b) => a.offset - b.offset);
    let offset = 0;
    for (const block of live) {
      if (block.offset - offset >= need) break;
      offset = Math.max(offset, block.offset + block.size);
    }
    live.push({ offset, size: need, lastStep: item.lastStep });
    offsets.set(item.id, offset);
    size = Math.max(size, offset + need);
  }
  return { offsets, size };
}
