/**
 * Entry point of the interp executor worker (see worker-session.ts). In the compiled binary this file must be
 * an extra entrypoint of `bun build --compile`, next to src/main.ts (build.ts EXTRA_ENTRYPOINTS).
 */
import { HoduError } from '../../../errors';
import type { NodeTiming } from '../../../sdk/backend';
import type { Node } from '../../../ir/graph';
import { Executor, type NodeRunDetail } from '../executor';
import { interpNodeTiming } from '../node-timing';
import { setThreads } from '../parallel/worker-pool';
import { PROGRESS_EVERY_MS, type FromWorker, type ToWorker, type WireError } from './protocol';
import { reviveModel, reviveValues } from './revive';

// The worker global (this project's TypeScript lib has no WebWorker types).
declare const self: { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: FromWorker): void };

interface Open {
  executor: Executor;
  threads: number;
  /** Timings of the current run (when profiling). */
  timings: { list: NodeTiming[] };
  /** The run being computed (progress messages name it). */
  current: { run: number };
}
const sessions = new Map<number, Open>();

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'open') {
    const timings = { list: [] as NodeTiming[] };
    const current = { run: 0 };
    const record = msg.profile ? { onNodeDone: (node: Node, ms: number, d: NodeRunDetail) => timings.list.push(interpNodeTiming(node, ms, d)) } : {};
    const progress = msg.progress ? { onNodeProgress: throttledProgress(current) } : {};
    sessions.set(msg.session, { executor: new Executor(reviveModel(msg.model), { ...record, ...progress }), threads: msg.threads, timings, current });
  } else if (msg.type === 'close') {
    sessions.delete(msg.session);
  } else {
    const s = sessions.get(msg.session);
    try {
      if (!s) throw new HoduError('E_INTERNAL', `interp worker: no session ${msg.session}`);
      setThreads(s.threads);
      s.timings.list = [];
      s.current.run = msg.run;
      const outputs = s.executor.run(reviveValues(msg.feeds));
      self.postMessage({ type: 'done', run: msg.run, outputs, timings: s.timings.list });
    } catch (err) {
      self.postMessage({ type: 'failed', run: msg.run, error: toWire(err) });
    }
  }
};
self.postMessage({ type: 'ready' });

/** Posts progress at most every PROGRESS_EVERY_MS (a message per node would cost more than small nodes do). */
function throttledProgress(current: { run: number }) {
  let last = 0;
  return (done: number, total: number) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS && done < total) return;
    last = now;
    self.postMessage({ type: 'progress', run: current.run, done, total });
  };
}

function toWire(e: unknown): WireError {
  if (e instanceof HoduError) return { name: e.name, message: e.message, stack: e.stack, code: e.code, hint: e.hint, exitCode: e.exitCode, node: e.node };
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { name: 'Error', message: String(e) };
}
