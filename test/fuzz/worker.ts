/**
 * Runs a range of fuzz cases in-process. It publishes the case it is on in a shared Int32Array so that the
 * parent can tell a hang (the index stops moving) and terminate it; results come back in one message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classify, loadCase, makeCase } from './cases';
import { loadSeeds, type FuzzFormat } from './seeds';

declare const self: Worker;

export interface WorkerRequest {
  format: FuzzFormat;
  seed: number;
  from: number;
  to: number;
  progress: SharedArrayBuffer;
}

export interface WorkerResult {
  ok: number;
  errors: Record<string, number>;
  /** HoduErrors whose cause was a plain JS error (e.g. a kernel's RangeError wrapped as E_KERNEL). */
  wrapped: Record<string, number>;
  /** The first few wrapped errors, to report where a kernel let a plain error out. */
  wrappedSamples: { index: number; message: string }[];
  bugs: { index: number; message: string }[];
}

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const { format, seed, from, to } = ev.data;
  const progress = new Int32Array(ev.data.progress);
  const seeds = (await loadSeeds())[format];
  const dir = mkdtempSync(join(tmpdir(), 'hodu-fuzz-'));
  const result: WorkerResult = { ok: 0, errors: {}, wrapped: {}, wrappedSamples: [], bugs: [] };
  for (let i = from; i < to; i++) {
    Atomics.store(progress, 0, i);
    const bytes = await makeCase(seeds, format, seed, i);
    const outcome = await classify(() => loadCase(format, bytes, dir));
    if (outcome.kind === 'ok') result.ok++;
    else if (outcome.kind === 'error') {
      result.errors[outcome.code] = (result.errors[outcome.code] ?? 0) + 1;
      if (outcome.wrapped) {
        result.wrapped[outcome.code] = (result.wrapped[outcome.code] ?? 0) + 1;
        if (result.wrappedSamples.length < 5) result.wrappedSamples.push({ index: i, message: outcome.message.slice(0, 300) });
      }
    } else result.bugs.push({ index: i, message: outcome.message });
  }
  rmSync(dir, { recursive: true, force: true });
  Atomics.store(progress, 0, to);
  self.postMessage(result);
};
