/**
 * Progress for multi-step work (update, download, install): `task(title, fn)` runs `fn` as one step and
 * shows it on stderr — as a listr2 task list on a terminal, as plain lines otherwise (pipes, CI, `--json`),
 * and not at all with `--quiet`. stdout is never touched, so `--json` output stays clean.
 *
 *   const bin = await task('Downloading hodu 0.2.0', (t) => download(url, { onBytes: t.bytes }), mode);
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

export interface ProgressMode {
  /** No progress at all (errors are still rendered by the CLI). */
  quiet?: boolean;
  /** Machine output on stdout: progress goes to stderr as plain lines. */
  json?: boolean;
}

export type Renderer = 'tty' | 'plain' | 'silent';

export type TaskRunner = <T>(title: string, fn: (t: TaskHandle) => Promise<T>) => Promise<T>;

/** Picks the renderer: listr2 only on a real, sized terminal that is not TERM=dumb. */
export function chooseRenderer(mode: ProgressMode): Renderer {
  if (mode.quiet) return 'silent';
  if (mode.json) return 'plain';
  const stderr = process.stderr;
  // A 0-column terminal makes listr2 print one character per line (LIBRARIES.md).
  if (!stderr.isTTY || !stderr.columns || process.env.TERM === 'dumb') return 'plain';
  return 'tty';
}

/** Runs one step with progress; the step's error (a HoduError) is rethrown as is. */
export async function task<T>(title: string, fn: (t: TaskHandle) => Promise<T>, mode: ProgressMode = {}): Promise<T> {
  const runner = await taskRunner(chooseRenderer(mode));
  return runner(title, fn);
}

/** The runner for a renderer (listr2 is imported only when a terminal needs it). */
export async function taskRunner(renderer: Renderer): Promise<TaskRunner> {
  if (renderer === 'tty') return (await import('./progress-listr')).listrTask;
  if (renderer === 'plain') return (await import('./progress-plain')).plainTask;
  return (title, fn) => fn({ title: () => {}, bytes: () => {}, done: () => {} });
}

/** "12.3 MB / 50.0 MB (24%)" or "12.3 MB" when the total is unknown. */
export function formatTransfer(done: number, total?: number): string {
  if (!total) return formatBytes(done);
  return `${formatBytes(done)} / ${formatBytes(total)} (${Math.floor((done / total) * 100)}%)`;
}
