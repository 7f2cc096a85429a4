/**
 * Progress for multi-step work (update, download, install): `task(title, fn)` runs `fn` as one step and
 * shows it on stderr — as a listr2 task list on a terminal, as plain lines otherwise (pipes, CI, `--json`),
 * and not at all with `--quiet`. stdout is never touched, so `--json` output stays clean.
 *
 *   const bin = await task('Downloading hodu 0.2.0', (t) => download(url, { onBytes: t.bytes }), mode);
 */
import type { TaskHandle, TaskRunner } from './progress-types';


export interface ProgressMode {
  /** No progress at all (errors are still rendered by the CLI). */
  quiet?: boolean;
  /** Machine output on stdout: progress goes to stderr as plain lines. */
  json?: boolean;
}

type Renderer = 'tty' | 'plain' | 'silent';

/** Picks the renderer: listr2 only on a real, sized terminal that is not TERM=dumb. */
export function chooseRenderer(mode: ProgressMode): Renderer {
  if (mode.quiet) return 'silent';
  if (mode.json) return 'plain';
  const stderr = process.stderr;
  // A 0-column terminal makes listr2 print one character per line (seen with listr2's default renderer).
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
