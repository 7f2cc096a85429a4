/**
 * Notes on run settings that do not do what a user would expect on the backend that ran (printed once per
 * run on stderr by execute.ts): better a line than a flag that is silently ignored or backfires.
 */
import type { Setting } from '../../config/settings';

interface RunNote {
  text: string;
  /** Asked for on this command line: worth a line on stderr. Otherwise (env, config) only an info log. */
  explicit: boolean;
}

export function runNotes(backend: string, opts: { isolate?: boolean; threads: Setting<number> }): RunNote[] {
  const notes: RunNote[] = [];
  if (backend !== 'interp') return notes;
  // Only an explicit --isolate: isolation is the default for plugins, so its absence says nothing.
  if (opts.isolate === true) {
    notes.push({ text: 'note: --isolate has no effect on the embedded interp backend (it is part of hodu, not a plugin that could crash the process)', explicit: true });
  }
  const threads = opts.threads;
  if (threads.value > 1) {
    notes.push({
      text: `note: ${threads.value} threads (${threads.from}): the interp backend splits only large MatMul, Gemm and Conv ops across threads and runs everything else on one, so on small models more threads can be slower`,
      explicit: threads.source === 'flag',
    });
  }
  return notes;
}
