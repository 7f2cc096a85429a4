/**
 * An optional pool of Worker threads for the big gemm-shaped kernels (MatMul/Gemm, Conv).
 *
 * Kernels are synchronous, so dispatch is too: the calling thread copies the operands into
 * SharedArrayBuffers, posts one job per worker, does its own share, then blocks in Atomics.wait until every
 * worker has counted down. Workers only ever touch their disjoint rows of the shared output. Only work above
 * PARALLEL_MIN_MACS is split; below it the copies and wake-ups cost more than they save.
 * The pool is process-wide (sessions share it); `setThreads` sizes it, 1 (the default) means no workers.
 */
import { HoduError } from '../../../errors';
import { isCompiledBinary } from '../../../util/compiled-binary';

/** Multiply-accumulates below which an op stays on the calling thread (≈ 50 MFLOP). */
export const PARALLEL_MIN_MACS = 25_000_000;

interface Job {
  kind: 'gemm' | 'conv';
  /** Arguments for the job's runner; typed arrays in it must be SharedArrayBuffer-backed. */
  args: unknown;
  /** The half-open share [from, to) of the job's index space (rows, tasks) this thread runs. */
  from: number;
  to: number;
}

interface Message extends Job {
  ctl: Int32Array;
}

let workers: Worker[] = [];

// The worker global (this project's TypeScript lib has no WebWorker types).
declare const self: { onmessage: ((e: MessageEvent<never>) => void) | null };

/** Threads that run a split op (the calling thread plus the workers). */
export function threadCount(): number {
  return workers.length + 1;
}

/** Sizes the pool to `n` threads in all (0: one per core). Workers start in the background. */
export function setThreads(n: number): void {
  const want = Math.max(1, n === 0 ? navigator.hardwareConcurrency || 1 : Math.floor(n));
  if (want - 1 === workers.length) return;
  for (const w of workers) w.terminate();
  workers = [];
  ready = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, want - 1)));
  for (let i = 0; i < want - 1; i++) {
    const w = new Worker(workerUrl());
    w.unref(); // an idle pool must not keep the process alive
    w.postMessage({ hello: ready, index: i });
    workers.push(w);
  }
}

/**
 * From source, the worker file sits next to this module. In a `bun build --compile` binary it must be an extra
 * entrypoint of the build, next to src/main.ts: entrypoints are embedded at their path below the entrypoints'
 * common folder (src/), while this module lands in a chunk at the root of the embedded file system.
 */
function workerUrl(): string {
  return new URL(isCompiledBinary() ? './backends/interp/parallel/gemm-worker.ts' : './gemm-worker.ts', import.meta.url).href;
}

// ready[i] becomes 1 once worker i has loaded and answered its first message.
let ready = new Int32Array(new SharedArrayBuffer(4));
const STARTUP_WAIT_MS = 3000;

/** Waits for every worker to be up; a pool that cannot start (e.g. missing entrypoint) is dropped. */
function poolStarted(): boolean {
  const deadline = performance.now() + STARTUP_WAIT_MS;
  for (let i = 0; i < workers.length; i++) {
    while (Atomics.load(ready, i) === 0) {
      const left = deadline - performance.now();
      if (left <= 0) {
        for (const w of workers) w.terminate();
        workers = [];
        return false;
      }
      Atomics.wait(ready, i, 0, left);
    }
  }
  return true;
}

/**
 * Runs `run(args, from, to)` over [0, total) split into contiguous shares, one per thread, `grain`-aligned.
 * Returns after every share is done; throws if a worker failed.
 */
export function runSplit(kind: Job['kind'], args: unknown, total: number, grain: number, run: (from: number, to: number) => void): void {
  if (!poolStarted()) return run(0, total);
  const threads = Math.min(threadCount(), Math.ceil(total / grain));
  const per = Math.ceil(total / threads / grain) * grain;
  // ctl[0]: workers still running; ctl[1]: set to 1 by a worker that failed.
  const ctl = new Int32Array(new SharedArrayBuffer(8));
  const shares: [number, number][] = [];
  for (let from = per; from < total; from += per) shares.push([from, Math.min(total, from + per)]);
  ctl[0] = shares.length;
  shares.forEach(([from, to], i) => workers[i]!.postMessage({ kind, args, from, to, ctl } satisfies Message));
  try {
    run(0, Math.min(per, total));
  } finally {
    for (let left = Atomics.load(ctl, 0); left !== 0; left = Atomics.load(ctl, 0)) Atomics.wait(ctl, 0, left);
  }
  if (ctl[1] !== 0) {
    throw new HoduError('E_INTERNAL', `a ${kind} worker thread failed`, { hint: 'run without --threads to use a single thread' });
  }
}

type Typed = Float32Array | Float64Array;

/** A SharedArrayBuffer-backed copy of `src` (Float32Array stays float32; everything else becomes float64). */
export function shareCopy(src: ArrayLike<number>): Typed {
  if (src instanceof Float32Array) {
    const out = new Float32Array(new SharedArrayBuffer(src.byteLength));
    out.set(src);
    return out;
  }
  const out = new Float64Array(new SharedArrayBuffer(src.length * 8));
  if (src instanceof Float64Array) out.set(src);
  else for (let i = 0; i < src.length; i++) out[i] = src[i]!;
  return out;
}

/** The worker side: answers the pool's hello, then runs posted jobs with `runners` and counts down. */
export function serveJobs(runners: Record<Job['kind'], (args: never, from: number, to: number) => void>): void {
  self.onmessage = (e: MessageEvent<Message | { hello: Int32Array; index: number }>) => {
    if ('hello' in e.data) {
      Atomics.store(e.data.hello, e.data.index, 1);
      Atomics.notify(e.data.hello, e.data.index);
      return;
    }
    const { kind, args, from, to, ctl } = e.data;
    try {
      runners[kind](args as never, from, to);
    } catch {
      Atomics.store(ctl, 1, 1);
    } finally {
      Atomics.sub(ctl, 0, 1);
      Atomics.notify(ctl, 0);
    }
  };
}
