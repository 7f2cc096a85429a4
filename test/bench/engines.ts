/**
 * The engines `npm run bench` compares. hodu: backend-cpu as `--backend cpu` loads it (installed under
 * HODU_HOME, else embedded — unavailable when hodu runs from source), else built here from plugins/backend-cpu
 * with the command `hodu plugin install` uses, else none; the interp runs what cpu lacks. onnxruntime-node: one session per thread count
 * (intraOpNumThreads), sequential execution, its default graph optimizations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { loadBackend } from '../../src/backends/registry';
import { hoduHome } from '../../src/home';
import { halfToFloat } from '../../src/ir/float16';
import { toNumbers, type Tensor } from '../../src/ir/tensor';
import { compileCommand } from '../../src/plugins/build-native';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import type { BackendPlugin } from '../../src/sdk/backend';

const ROOT = join(import.meta.dir, '..', '..');

/** A hodu backend to try, and where it came from (printed above the table). */
export interface HoduEngine {
  backend: BackendPlugin;
  origin: string;
}

function buildCpuPlugin(work: string): string {
  const plugin = join(ROOT, 'plugins', 'backend-cpu');
  const pkg = JSON.parse(readFileSync(join(plugin, 'package.json'), 'utf8'));
  const library = join(work, pkg.hodu.native.library);
  const r = Bun.spawnSync(compileCommand({ ...pkg.hodu.native, library }, join(ROOT, 'ffi'), 'release'), { cwd: plugin, stdout: 'pipe', stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`building plugins/backend-cpu failed:\n${r.stderr.toString()}`);
  return library;
}

/**
 * backend-cpu in-process (no isolation: a child process per run would be measured too), or why not. As
 * `--backend cpu` loads it (installed, else embedded), unless `fromSource` asks for this checkout's sources (an
 * installed plugin may be older than the checkout).
 */
export async function cpuEngine(work: string, fromSource: boolean): Promise<HoduEngine | { skipped: string }> {
  let unavailable = '';
  if (!fromSource) {
    try {
      // What `--backend cpu` loads: an installed cpu package when there is one (it shadows the embedded
      // backend), else the embedded backend, which is unavailable when hodu runs from source, as here.
      const installed = (await import('../../src/plugins/installed')).installedPluginState('cpu');
      const backend = await loadBackend('cpu', { isolate: false });
      const ready = backend.available?.() ?? { ok: true };
      if (ready.ok) return { backend, origin: `cpu ${backend.version}, ${installed ? `installed in ${hoduHome()} (--from-source to build this checkout's)` : 'embedded in hodu'}` };
      unavailable = ready.reason;
    } catch (e) {
      unavailable = e instanceof Error ? e.message : String(e);
    }
    if (!Bun.which('cc')) return { skipped: `hodu's cpu backend is unavailable here (${unavailable}) and there is no C compiler to build it` };
  }
  if (!Bun.which('cc')) return { skipped: 'no C compiler (cc) to build plugins/backend-cpu' };
  const lib = buildCpuPlugin(work);
  const why = unavailable ? ` (hodu's own: ${unavailable})` : '';
  return { backend: loadNativeBackend(lib, probeNativeLibrary(lib, 'cpu'), { isolate: false }), origin: `built from this checkout's plugins/backend-cpu${why}` };
}

export async function interpEngine(): Promise<HoduEngine> {
  return { backend: (await import('../../src/backends/interp/index')).default, origin: 'embedded' };
}

export function ortSession(path: string, threads: number): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(path, { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential' });
}

export function ortFeeds(feeds: Map<string, Tensor>): Record<string, ort.Tensor> {
  return Object.fromEntries([...feeds].map(([k, v]) => [k, ortTensor(v)]));
}

function ortTensor(v: Tensor): ort.Tensor {
  const t = new ort.Tensor(v.dtype as ort.Tensor.Type, v.data as Float32Array, [...v.dims]);
  // onnxruntime-common wraps float16 bits in a Float16Array where the runtime has one (bun does), and
  // onnxruntime-node's binding reads that as an empty buffer under bun ("not enough space"): hand it the bits.
  if (v.dtype === 'float16') (t as unknown as { cpuData: Uint16Array }).cpuData = v.data as Uint16Array;
  return t;
}

/**
 * Largest |hodu − onnxruntime| over every output, and whether all are within rtol 1e-3, atol 1e-4 (the
 * real-model tolerance), or for a float16 output rtol 5e-3, atol 1e-3 (test/backend-cpu/float16.test.ts's for
 * chains): onnxruntime rounds intermediates to float16 where it has float16 kernels and backend-cpu keeps them
 * float32, so a deep model's outputs differ by a few float16 ulps (PP-OCR cls: one ulp, 4.9e-4 at 0.76).
 */
export function compareOutputs(ours: Map<string, unknown>, theirs: ort.InferenceSession.ReturnType): { maxDiff: number; ok: boolean } {
  let maxDiff = 0;
  let ok = true;
  for (const [name, b] of Object.entries(theirs)) {
    const a = ours.get(name) as Tensor | undefined;
    if (!a || a.dims.join() !== b.dims.join()) {
      ok = false;
      continue;
    }
    // float16 comes back as a Float16Array where the runtime has one (bun), else as the raw bits (a Uint16Array).
    const y = b.type === 'float16' && b.data instanceof Uint16Array ? Array.from(b.data, halfToFloat) : Array.from(b.data as ArrayLike<number | bigint>, Number);
    const x = toNumbers(a);
    const [atol, rtol] = b.type === 'float16' ? [1e-3, 5e-3] : [1e-4, 1e-3];
    for (let i = 0; i < y.length; i++) {
      const d = Math.abs(x[i]! - y[i]!);
      if (d > maxDiff || Number.isNaN(d)) maxDiff = Number.isNaN(d) ? Infinity : d;
      if (!(d <= atol + rtol * Math.abs(y[i]!))) ok = false;
    }
  }
  return { maxDiff, ok };
}
