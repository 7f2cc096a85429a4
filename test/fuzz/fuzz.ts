/**
 * The fuzz driver: runs N seeded cases per format in a Worker (with a per-case timeout and an RSS ceiling
 * enforced from outside), then replays an evenly spaced sample through the compiled binary.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSIONS, makeCase } from './cases';
import { loadSeeds, type FuzzFormat } from './seeds';
import type { WorkerRequest, WorkerResult } from './worker';

export const REGRESSIONS_DIR = join(import.meta.dir, 'regressions');
export const HODU_BINARY = join(import.meta.dir, '..', '..', 'dist', 'hodu');

export interface FuzzOptions {
  seed: number;
  cases: number;
  formats: readonly FuzzFormat[];
  /** In-process: a case that keeps the worker on it this long is a hang. */
  timeoutMs: number;
  /** In-process: the process RSS above which the current case counts as an unbounded allocation. */
  maxRssBytes: number;
  /** How many cases per format also go through `dist/hodu` (0: none). */
  binaryCases: number;
  binaryTimeoutMs: number;
  saveRegressions: boolean;
  log?: (line: string) => void;
}

export interface Bug {
  format: FuzzFormat;
  index: number;
  via: 'in-process' | 'binary';
  message: string;
  file?: string;
}

export interface FormatReport {
  format: FuzzFormat;
  cases: number;
  ok: number;
  errors: Record<string, number>;
  wrapped: Record<string, number>;
  wrappedSamples: { index: number; message: string }[];
  binary: { runs: number; ok: number; errors: number; peakRssBytes: number };
  bugs: Bug[];
}

export interface FuzzReport {
  seed: number;
  formats: FormatReport[];
  peakRssBytes: number;
}

export async function fuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const seeds = await loadSeeds();
  const report: FuzzReport = { seed: opts.seed, formats: [], peakRssBytes: 0 };
  for (const format of opts.formats) {
    const r: FormatReport = { format, cases: opts.cases, ok: 0, errors: {}, wrapped: {}, wrappedSamples: [], binary: { runs: 0, ok: 0, errors: 0, peakRssBytes: 0 }, bugs: [] };
    await runInProcess(format, opts, r, report);
    if (opts.binaryCases > 0) await runBinarySample(format, seeds[format]!, opts, r);
    if (opts.saveRegressions) {
      for (const bug of r.bugs) {
        mkdirSync(REGRESSIONS_DIR, { recursive: true });
        bug.file = join(REGRESSIONS_DIR, `${format}-seed${opts.seed}-case${bug.index}${EXTENSIONS[format]}`);
        writeFileSync(bug.file, await makeCase(seeds[format]!, format, opts.seed, bug.index));
      }
    }
    opts.log?.(`${format}: ${r.cases} cases, ${r.ok} loaded, ${sum(r.errors)} HoduError, ${r.bugs.length} bugs; binary ${r.binary.runs} runs`);
    report.formats.push(r);
  }
  return report;
}

const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);

/** Runs cases [0, N) in a worker; a hang or an RSS blow-up kills it, is recorded, and the next worker resumes after it. */
async function runInProcess(format: FuzzFormat, opts: FuzzOptions, r: FormatReport, report: FuzzReport): Promise<void> {
  let from = 0;
  while (from < opts.cases) {
    const progress = new Int32Array(new SharedArrayBuffer(4));
    progress[0] = -1;
    const worker = new Worker(new URL('./worker.ts', import.meta.url).href);
    const stopped = await new Promise<{ result?: WorkerResult; failedAt?: number; why?: string }>((resolve) => {
      let last = -1;
      let since = performance.now();
      const timer = setInterval(() => {
        const rss = process.memoryUsage.rss();
        report.peakRssBytes = Math.max(report.peakRssBytes, rss);
        const at = Atomics.load(progress, 0);
        if (at !== last) {
          last = at;
          since = performance.now();
        }
        const stuck = at >= 0 && performance.now() - since > opts.timeoutMs;
        if (stuck || (at >= 0 && rss > opts.maxRssBytes)) {
          clearInterval(timer);
          worker.terminate();
          resolve({ failedAt: at, why: stuck ? `no result within ${opts.timeoutMs} ms (hang)` : `process RSS reached ${(rss / 2 ** 20).toFixed(0)} MiB (unbounded allocation)` });
        }
      }, 25);
      worker.onmessage = (ev: MessageEvent<WorkerResult>) => {
        clearInterval(timer);
        resolve({ result: ev.data });
      };
      worker.onerror = (ev) => {
        clearInterval(timer);
        resolve({ failedAt: Math.max(Atomics.load(progress, 0), from), why: `worker died: ${ev.message}` });
      };
      const req: WorkerRequest = { format, seed: opts.seed, from, to: opts.cases, progress: progress.buffer as SharedArrayBuffer };
      worker.postMessage(req);
    });
    if (stopped.result) {
      merge(r, stopped.result, format);
      worker.terminate();
      return;
    }
    // The partial counts of the killed worker are lost; count its cases before the failure as run without a bug.
    const failedAt = stopped.failedAt!;
    r.ok += failedAt - from;
    r.bugs.push({ format, index: failedAt, via: 'in-process', message: stopped.why! });
    opts.log?.(`${format} case ${failedAt}: ${stopped.why}`);
    from = failedAt + 1;
  }
}

function merge(r: FormatReport, w: WorkerResult, format: FuzzFormat): void {
  r.ok += w.ok;
  for (const [k, v] of Object.entries(w.errors)) r.errors[k] = (r.errors[k] ?? 0) + v;
  for (const [k, v] of Object.entries(w.wrapped)) r.wrapped[k] = (r.wrapped[k] ?? 0) + v;
  r.wrappedSamples.push(...w.wrappedSamples);
  for (const b of w.bugs) r.bugs.push({ format, index: b.index, via: 'in-process', message: b.message });
}

/** `hodu inspect FILE` for every format, plus `hodu run FILE --random-inputs` for models; four at a time. */
async function runBinarySample(format: FuzzFormat, seeds: Uint8Array[], opts: FuzzOptions, r: FormatReport): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hodu-fuzz-bin-'));
  const home = join(dir, 'home');
  const jobs: { index: number; args: string[] }[] = [];
  const n = Math.min(opts.binaryCases, opts.cases);
  for (let k = 0; k < n; k++) {
    const index = Math.floor((k * opts.cases) / n);
    const file = join(dir, `case${index}${EXTENSIONS[format]}`);
    writeFileSync(file, await makeCase(seeds, format, opts.seed, index));
    jobs.push({ index, args: ['inspect', file] });
    if (format === 'onnx') jobs.push({ index, args: ['run', file, '--random-inputs'] });
  }
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const res = await spawnHodu(job.args, home, opts.binaryTimeoutMs);
      r.binary.runs++;
      r.binary.peakRssBytes = Math.max(r.binary.peakRssBytes, res.maxRss);
      if (res.kind === 'ok') r.binary.ok++;
      else if (res.kind === 'error') r.binary.errors++;
      else r.bugs.push({ format, index: job.index, via: 'binary', message: `hodu ${job.args[0]}: ${res.message}` });
    }
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
  rmSync(dir, { recursive: true, force: true });
}

export interface BinaryOutcome {
  kind: 'ok' | 'error' | 'bug';
  message: string;
  maxRss: number;
}

/** Peak resident set of a live process in bytes (Linux /proc; 0 elsewhere or once it has exited). */
function highWaterRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Exit 0 is success; exit 1/2 with an `error[E_…]` line (not E_INTERNAL) is a HoduError; anything else is a bug. */
export async function spawnHodu(args: string[], home: string, timeoutMs: number): Promise<BinaryOutcome> {
  const proc = Bun.spawn([HODU_BINARY, ...args], { stdout: 'ignore', stderr: 'pipe', env: { ...process.env, NO_COLOR: '1', HODU_HOME: home } });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    proc.kill('SIGKILL');
  }, timeoutMs);
  // rusage's maxRSS of a child starts at the parent's RSS (fork), so sample the child's own VmHWM instead.
  let maxRss = 0;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, highWaterRss(proc.pid))), 10);
  const stderr = await new Response(proc.stderr).text();
  const code = await proc.exited;
  clearTimeout(timer);
  clearInterval(sampler);
  if (timedOut) return { kind: 'bug', message: `no exit within ${timeoutMs} ms (hang)`, maxRss };
  if (code === 0) return { kind: 'ok', message: '', maxRss };
  const m = /error\[(E_[A-Z0-9_]+)\]: (.*)/.exec(stderr);
  if (m && m[1] !== 'E_INTERNAL' && (code === 1 || code === 2)) return { kind: 'error', message: m[1]!, maxRss };
  return { kind: 'bug', message: `exit ${code}${proc.signalCode ? ` (${proc.signalCode})` : ''}: ${stderr.trim().split('\n').slice(0, 2).join(' | ').slice(0, 300)}`, maxRss };
}
