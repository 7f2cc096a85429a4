/**
 * What the progress renderers share, apart from the chooser in progress.ts: progress.ts loads a renderer
 * lazily, so a renderer that imported progress.ts back would close an import cycle.
 */
import { formatBytes } from './output';

/** What a running step can report. */
export interface TaskHandle {
  /** Replaces the step's title (e.g. once the version is known). */
  title(text: string): void;
  /** Byte progress of a transfer; `total` when the size is known. */
  bytes(done: number, total?: number): void;
  /** The title shown once the step succeeded (e.g. "Updated hodu 0.1.0 → 0.2.0"). */
  done(text: string): void;
}

export type TaskRunner = <T>(title: string, fn: (t: TaskHandle) => Promise<T>) => Promise<T>;

/** "12.3 MB / 50.0 MB (24%)" or "12.3 MB" when the total is unknown. */
export function formatTransfer(done: number, total?: number): string {
  if (!total) return formatBytes(done);
  return `${formatBytes(done)} / ${formatBytes(total)} (${Math.floor((done / total) * 100)}%)`;
}
