/**
 * backend-cpu for the conformance runner: compiled from plugins/backend-cpu with the command `hodu plugin
 * install` runs (package.json's sources and flags, this repository's ffi/ headers) into a temp directory, and
 * loaded in this process through the same wrapper an installed native plugin gets (loadNativeBackend).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Model } from '../../src/ir/graph';
import { compileCommand } from '../../src/plugins/build-native';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import { parsePluginPackage } from '../../src/plugins/package-manifest';
import type { BackendPlugin } from '../../src/sdk/backend';
import { DTYPE_CODES, kernelPrefix } from '../../src/sdk/kernel-names';

const ROOT = join(import.meta.dir, '..', '..');
export const CPU_PLUGIN_DIR = join(ROOT, 'plugins', 'backend-cpu');

export interface CpuBackend {
  plugin: BackendPlugin;
  /** Kernel names from the library's descriptor: what it claims. */
  kernels: string[];
  cleanup(): void;
}

/** Builds and loads backend-cpu; throws with the compiler's output when the build fails. */
export function buildCpuBackend(): CpuBackend {
  const file = join(CPU_PLUGIN_DIR, 'package.json');
  const { hodu } = parsePluginPackage(JSON.parse(readFileSync(file, 'utf8')), file);
  if (hodu.type !== 'backend' || !hodu.native) throw new Error(`${file}: not a native backend plugin`);
  const native = hodu.native;
  const dir = mkdtempSync(join(tmpdir(), 'hodu-conformance-cpu-'));
  const library = join(dir, native.library);
  const cmd = compileCommand({ ...native, library }, join(ROOT, 'ffi'), 'release');
  const r = Bun.spawnSync(cmd, { cwd: CPU_PLUGIN_DIR, stdout: 'pipe', stderr: 'pipe' });
  if (r.exitCode !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`building backend-cpu failed:\n$ ${cmd.join(' ')}\n${r.stdout.toString()}${r.stderr.toString()}`);
  }
  const info = probeNativeLibrary(library, 'cpu');
  const plugin = loadNativeBackend(library, info, { capabilities: hodu.capabilities });
  return { plugin, kernels: info.kernels, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const CODES = new Set(Object.values(DTYPE_CODES));

/** Whether `kernel` is a kernel of `op` (its prefix followed by dtype codes only: `max_pool_f32` is not Max's). */
function kernelOf(kernel: string, op: string, domain: string): boolean {
  const prefix = `${kernelPrefix(op, domain)}_`;
  return kernel.startsWith(prefix) && kernel.slice(prefix.length).split('_').every((c) => CODES.has(c));
}

/** Ops of the main graph that have no kernel at all in `kernels` (any dtype); a test is claimed when there are none. */
export function unclaimedOps(model: Model, kernels: readonly string[]): string[] {
  const missing = new Set<string>();
  for (const n of model.graph.nodes) if (!kernels.some((k) => kernelOf(k, n.op, n.domain))) missing.add(n.op);
  return [...missing].sort();
}
