/**
 * Shared by the backend-cpu tests: installs plugins/backend-cpu into a temp $HODU_HOME through the compiled
 * binary (`hodu plugin install --path`, which compiles it with the system C compiler), and compares
 * `hodu run --backend cpu` with `--backend interp` on one model holding many single-node cases, fed the same
 * signed random inputs. Tolerance: |cpu − interp| ≤ ATOL + RTOL · |interp| per element, and equal dims.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { Attribute, Node } from '../../src/ir/graph';
import { fromNumbers, toNumbers, type Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { cCompiler, compileCommand } from '../../src/plugins/build-native';
import { compareTensor } from '../ops/harness';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile, writeNpzFile } from '../e2e/hodu';

/** plugins/backend-cpu, and the C headers its sources include. */
export const CPU_PLUGIN = join(import.meta.dir, '..', '..', 'plugins', 'backend-cpu');
export const FFI_DIR = join(CPU_PLUGIN, '..', '..', 'ffi');

/** The plugin's native build as its package.json declares it: one list of sources and flags for every build. */
export function cpuPluginNative(): { sources: string[]; library: string; cflags?: string[]; ldflags?: string[] } {
  return JSON.parse(readFileSync(join(CPU_PLUGIN, 'package.json'), 'utf8')).hodu.native;
}

/** Builds the plugin's library into `dir` as `hodu plugin install` would (release flags); returns its path. */
export function buildCpuLibrary(dir: string): string {
  const native = cpuPluginNative();
  const library = join(dir, native.library);
  const r = Bun.spawnSync(compileCommand({ ...native, library }, FFI_DIR, 'release'), { cwd: CPU_PLUGIN, stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`building backend-cpu failed:\n${r.stderr.toString()}`);
  return library;
}

/** Builds a C test driver (plugins/backend-cpu/test/*.c) with the plugin's sources into `exe`. */
export function buildCpuDriver(driver: string, exe: string, cc = cCompiler()): { ok: boolean; stderr: string } {
  const { sources, cflags = [], ldflags = [] } = cpuPluginNative();
  const r = Bun.spawnSync([...cc, '-O2', `-I${FFI_DIR}`, ...cflags, driver, ...sources, '-o', exe, ...ldflags], { cwd: CPU_PLUGIN, stderr: 'pipe' });
  return { ok: r.exitCode === 0, stderr: r.stderr.toString() };
}

export const RTOL = 1e-4;
export const ATOL = 1e-5;

/** Why an output differs from the reference (RTOL/ATOL, NaN equal; compareTensor's rules), or nothing. */
export function outputMismatch(label: string, want: Tensor, got: Tensor | undefined): string[] {
  if (!got) return [`${label}: no output`];
  const why = compareTensor(got, want, RTOL, ATOL);
  return why ? [`${label}: ${why}`] : [];
}
const PLUGIN_DIR = join(import.meta.dir, '..', '..', 'plugins', 'backend-cpu');

export interface CpuHome {
  dir: string;
  home: string;
  run(args: string[], env?: Record<string, string>): ReturnType<typeof hodu>;
  cleanup(): void;
}

/** A temp $HODU_HOME with backend-cpu installed from plugins/backend-cpu (throws with hodu's output if it fails). */
export function installCpu(): CpuHome {
  requireBinary();
  const t = tempDir('hodu-cpu-');
  const home = join(t.dir, 'home');
  const run = (args: string[], env: Record<string, string> = {}) => hodu(args, { cwd: t.dir, env: { ...env, HODU_HOME: home } });
  const r = run(['plugin', 'install', '--path', PLUGIN_DIR]);
  if (r.code !== 0) throw new Error(`plugin install failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return { dir: t.dir, home, run, cleanup: t.cleanup };
}

/** One node to check: an input is dims (a graph input, fed random values), a Tensor (a weight) or null (omitted). */
export interface KernelCase {
  op: string;
  inputs: (readonly number[] | Tensor | null)[];
  attrs?: Record<string, Attribute>;
  /** Graph inputs are uniform in [-scale, scale) (default 1). */
  scale?: number;
}

const rand = mulberry32(20261203);
/** Uniform in [-1, 1): signed, so Relu, Clip, Max and the signs of products are all exercised. */
export function randomValues(dims: readonly number[], scale = 1): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  return fromNumbers('float32', [...dims], Float64Array.from({ length: n }, () => (rand() * 2 - 1) * scale));
}

export const ints = (...value: number[]): Attribute => ({ type: 'ints', value });
export const int = (value: number): Attribute => ({ type: 'int', value });
export const float = (value: number): Attribute => ({ type: 'float', value });
export const i64 = (...values: number[]): Tensor => fromNumbers('int64', [values.length], values);
export const scalar = (v: number): Tensor => fromNumbers('float32', [], [v]);

/** The model of `cases` (one node each, inputs from their specs) and its random feeds, written under cpu.dir. */
async function writeCases(cpu: CpuHome, name: string, cases: KernelCase[], opset: number, outputCount: number) {
  const nodes: Node[] = [];
  const feeds = new Map<string, Tensor>();
  const initializers = new Map<string, Tensor>();
  const outputs: string[] = [];
  const labels: string[] = [];
  cases.forEach((c, i) => {
    const ins = c.inputs.map((spec, j) => {
      if (spec === null) return '';
      const id = `c${i}_in${j}`;
      if (Array.isArray(spec)) feeds.set(id, randomValues(spec, c.scale));
      else initializers.set(id, spec as Tensor);
      return id;
    });
    const outs = Array.from({ length: outputCount }, (_, k) => `c${i}_${c.op}${k ? `_${k}` : ''}`);
    outputs.push(...outs);
    labels.push(...outs.map((o) => `case ${i} ${o} ${describe(c)}`));
    nodes.push({ name: `c${i}_${c.op}_node`, op: c.op, domain: '', inputs: ins, outputs: outs, attributes: c.attrs ?? {} });
  });
  const model = buildModel({
    nodes,
    inputs: [...feeds].map(([n, t]) => ({ name: n, type: { kind: 'tensor' as const, dtype: 'float32' as const, shape: [...t.dims] } })),
    outputs: outputs.map((n) => ({ name: n, type: { kind: 'tensor' as const, dtype: 'float32' as const } })),
    initializers,
    opset,
  });
  const modelPath = writeModelFile(join(cpu.dir, `${name}.onnx`), model);
  const inputPath = await writeNpzFile(join(cpu.dir, `${name}-in.npz`), feeds);
  return { modelPath, inputPath, outputs, labels };
}

/**
 * The partitions `hodu run --explain` put on the interp, with the reason given for each (empty when every
 * node ran on the plugin). hodu moves what a native backend refuses to the interp, so a test of the plugin
 * must check this, or a refused kernel would pass as "equal to the interp".
 */
export function interpPartitions(explainStderr: string): string[] {
  const lines = explainStderr.split('\n');
  return lines.flatMap((l, i) => (/^\s*#\d+\s+interp\b/.test(l) ? [`${l.trim()} ${(lines[i + 1] ?? '').trim()}`] : []));
}

/** stderr of `hodu run --backend cpu --explain` on the cases (for what it refused and why). */
export async function explainOnCpu(cpu: CpuHome, name: string, cases: KernelCase[], opset = 17): Promise<string> {
  const { modelPath, inputPath } = await writeCases(cpu, name, cases, opset, 1);
  return cpu.run(['run', modelPath, '--input', inputPath, '--backend', 'cpu', '--opt-level=0', '--explain']).stderr;
}

/**
 * Mismatches between cpu and interp over every case (empty when they agree), at ONNX opset `opset`;
 * `cpuEnv` is added to the environment of the cpu run (e.g. HODU_CPU_ISA); each node gets `outputCount` outputs.
 * A node the plugin refused (run on the interp instead) is a mismatch too.
 */
export async function compareWithInterp(cpu: CpuHome, name: string, cases: KernelCase[], opset = 17, cpuEnv: Record<string, string> = {}, outputCount = 1): Promise<string[]> {
  const { modelPath, inputPath, outputs, labels } = await writeCases(cpu, name, cases, opset, outputCount);
  const results = new Map<string, Map<string, Tensor>>();
  for (const backend of ['interp', 'cpu']) {
    const out = join(cpu.dir, `${name}-${backend}.npz`);
    // -O 0: every node reaches the backend as written (no identity elimination or fusion).
    const args = ['run', modelPath, '--input', inputPath, '--output', out, '--backend', backend, '--opt-level=0'];
    const r = cpu.run(backend === 'cpu' ? [...args, '--explain'] : args, backend === 'cpu' ? cpuEnv : {});
    if (r.code !== 0) return [`${backend} failed (${r.code}): ${r.stderr.trim()}`];
    if (backend === 'cpu' && interpPartitions(r.stderr).length) return interpPartitions(r.stderr).map((p) => `not run on cpu: ${p}`);
    results.set(backend, await loadNpz(readFileSync(out)));
  }
  return outputs.flatMap((o, i) => diff(labels[i]!, results.get('interp')!.get(o)!, results.get('cpu')!.get(o)!));
}

function describe(c: KernelCase): string {
  const ins = c.inputs.map((s) => (s === null ? '-' : Array.isArray(s) ? `[${s}]` : `w[${(s as Tensor).dims}]`)).join(' ');
  return `${ins} ${JSON.stringify(Object.fromEntries(Object.entries(c.attrs ?? {}).map(([k, a]) => [k, a.value])))}`;
}

function diff(label: string, want: Tensor, got: Tensor | undefined): string[] {
  if (!got) return [`${label}: cpu wrote no output`];
  if (want.dims.join() !== got.dims.join()) return [`${label}: dims [${got.dims}] instead of [${want.dims}]`];
  const a = toNumbers(want);
  const b = toNumbers(got);
  for (let i = 0; i < a.length; i++) {
    const ok = Object.is(a[i], b[i]) || Math.abs(a[i]! - b[i]!) <= ATOL + RTOL * Math.abs(a[i]!);
    if (!ok) return [`${label}: element ${i} is ${b[i]} instead of ${a[i]}`];
  }
  return [];
}
