/**
 * Interp sessions whose compute runs on a worker thread, so that the main thread stays free to handle
 * Ctrl+C / SIGTERM. A JS signal handler only runs when the main thread returns to its event loop, and one
 * big MatMul or Conv is a synchronous call of seconds: run on the main thread, a Ctrl+C would wait for the
 * whole run (and its outputs would still be written). Here the main thread only awaits a message; the
 * interrupt handler (src/util/interrupt.ts) runs at once and exits, which ends the worker mid-kernel, and
 * nothing is written. The kernels themselves stay plain synchronous loops with no checks in them.
 *
 * One worker serves every session of the process (it starts once, ~tens of ms); it holds a copy of each
 * session's model (postMessage clones it) until the session is disposed. Idle, it does not keep the
 * process alive.
 */
import { HoduError } from '../../../errors';
import type { Model } from '../../../ir/graph';
import type { BackendSession, NodeTiming, RuntimeValue } from '../../../sdk/backend';
import type { FromWorker, ToWorker, WireError } from './protocol';
import { reviveValues } from './revive';
import { isCompiledBinary } from '../../../util/compiled-binary';

interface Pending {
  resolve(r: { outputs: Map<string, RuntimeValue>; timings: NodeTiming[] }): void;
  reject(e: unknown): void;
  progress?(done: number, total: number): void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextSession = 1;
let nextRun = 1;

/**
 * From source, the worker file sits next to this module. In a `bun build --compile` binary it is an extra
 * entrypoint embedded at its path below src/, while this module lands at the root of the embedded file
 * system (the same rule as parallel/worker-pool.ts).
 */
function workerUrl(): string {
  return new URL(isCompiledBinary() ? './backends/interp/worker/session-worker.ts' : './session-worker.ts', import.meta.url).href;
}

function executorWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(workerUrl());
  w.unref(); // idle: must not keep the process alive (ref'd while a run is pending)
  w.onmessage = (e: MessageEvent<FromWorker>) => {
    const msg = e.data;
    if (msg.type === 'ready') return;
    const p = pending.get(msg.run);
    if (!p) return;
    if (msg.type === 'progress') return p.progress?.(msg.done, msg.total);
    pending.delete(msg.run);
    if (pending.size === 0) w.unref();
    if (msg.type === 'done') p.resolve({ outputs: reviveValues(msg.outputs), timings: msg.timings });
    else p.reject(fromWire(msg.error));
  };
  // The worker died (it failed to load, or ran out of memory): every pending run fails, the next starts anew.
  w.onerror = (e: ErrorEvent) => {
    worker = undefined;
    w.terminate();
    const error = new HoduError('E_INTERNAL', `the interp worker thread stopped: ${e.message || 'unknown error'}`, {
      hint: 'run with --verbose for details; please report it with the model',
    });
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker = w;
  return w;
}

/**
 * Ends the worker mid-run (--max-memory was exceeded): its pending runs fail with `reason`, and the next run
 * starts a new worker.
 */
export function stopInterpWorker(reason: Error): void {
  const w = worker;
  if (!w) return;
  worker = undefined;
  void w.terminate();
  for (const p of pending.values()) p.reject(reason);
  pending.clear();
}

function fromWire(e: WireError): Error {
  const err = e.code !== undefined ? HoduError.fromCode(e.code, e.message, { hint: e.hint, node: e.node }) : Object.assign(new Error(e.message), { name: e.name });
  if (e.stack) err.stack = e.stack;
  return err;
}

/** A session on the shared executor worker, with the same behaviour as an in-thread interp session. */
export function createWorkerSession(model: Model, options: { threads: number; profile: boolean; onNodeProgress?: (done: number, total: number) => void }): BackendSession {
  const session = nextSession++;
  let timings: NodeTiming[] = [];
  let open = true;
  // The worker the model was sent to: sent on the first run, and again if the worker had to be restarted.
  let openedOn: Worker | undefined;
  return {
    async run(feeds) {
      if (!open) throw new HoduError('E_INTERNAL', 'interp session used after dispose');
      const run = nextRun++;
      const done = new Promise<{ outputs: Map<string, RuntimeValue>; timings: NodeTiming[] }>((resolve, reject) => pending.set(run, { resolve, reject, progress: options.onNodeProgress }));
      const w = executorWorker();
      if (openedOn !== w) {
        w.postMessage({ type: 'open', session, model, threads: options.threads, profile: options.profile, progress: Boolean(options.onNodeProgress) } satisfies ToWorker);
        openedOn = w;
      }
      w.ref();
      w.postMessage({ type: 'run', session, run, feeds } satisfies ToWorker);
      const r = await done;
      timings = r.timings;
      return r.outputs;
    },
    profile: () => timings,
    dispose() {
      if (!open) return;
      open = false;
      if (openedOn && openedOn === worker) openedOn.postMessage({ type: 'close', session } satisfies ToWorker);
    },
  };
}
