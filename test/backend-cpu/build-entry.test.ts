/**
 * backend-cpu's build entry (ABI 3, plugins/backend-cpu/src/build-emit.c): it writes hodu_cpu_steps.c with
 * one commented line per step naming its node, refuses a step it cannot bind (naming the node) before writing
 * anything, and the file, compiled with the cpu sources, makes create() take each kernel from it (the
 * prebound path) with the same outputs as the name lookup; another manifest falls back to the lookup.
 * The sources are compiled once (position-independent objects), then linked three ways.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HoduError } from '../../src/errors';
import { planManifest } from '../../src/plan/plan-manifest';
import { NativeBackendBinding } from '../../src/plugins/native/binding';
import { cCompiler } from '../../src/plugins/build-native';
import { decodeManifest, encodeManifest, type DispatchManifest } from '../../src/sdk/manifest';
import { parseStepComment } from '../../src/sdk/step-comment';
import type { Model } from '../../src/ir/graph';
import { buildMobilenet } from '../models/mobilenet';
import { mlpModel, randomFloats } from '../fixtures/plugins/models';
import { checkTools, describeWithTools } from '../support/optional-tools';
import { tempDir } from '../e2e/hodu';
import { CPU_PLUGIN, cpuPluginNative, FFI_DIR } from './support';

const tmp = tempDir('hodu-cpu-build-entry-');
const objDir = join(tmp.dir, 'obj');
let objects: string[] = [];
let binding: NativeBackendBinding | undefined;
const TARGET = 'x86_64-linux-gnu';

function cc(args: string[], cwd = tmp.dir): string {
  const r = Bun.spawnSync([...cCompiler(), ...args], { cwd, stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`cc ${args.join(' ')}\n${r.stderr.toString()}`);
  return r.stderr.toString();
}

beforeAll(() => {
  if (!checkTools(['cc']).run) return;
  const { sources, cflags = [], ldflags = [] } = cpuPluginNative();
  mkdirSync(objDir);
  cc(['-std=c11', '-O2', '-fPIC', `-I${FFI_DIR}`, ...cflags, '-c', ...sources.map((s) => join(CPU_PLUGIN, s))], objDir);
  objects = readdirSync(objDir).map((f) => join(objDir, f));
  cc(['-shared', ...objects, '-o', join(tmp.dir, 'libhodu_cpu.so'), ...ldflags]);
  binding = new NativeBackendBinding(join(tmp.dir, 'libhodu_cpu.so'), 'cpu');
}, 300_000);
afterAll(() => {
  binding?.close();
  tmp.cleanup();
});

const planned = (model: Model, shapes: Record<string, number[]>) => planManifest(model, new Map(Object.entries(shapes)));
const mobilenet = buildMobilenet();
const mobilenetManifest = () => planned(mobilenet, { image: [1, 3, 32, 32] });

function buildInto(name: string, manifest: DispatchManifest): { dir: string; files: string[] } {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  return { dir, files: binding!.build(encodeManifest(manifest), { threads: 2, target: TARGET }, dir) };
}

function refusal(manifest: DispatchManifest, name: string): { error: HoduError; left: string[] } {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  try {
    binding!.build(encodeManifest(manifest), { threads: 1, target: TARGET }, dir);
  } catch (e) {
    if (e instanceof HoduError) return { error: e, left: readdirSync(dir) };
    throw e;
  }
  throw new Error('the build was not refused');
}

/** A driver (plugins/backend-cpu/test/prebound-check.c) linked with the objects and, optionally, a steps file. */
function driver(name: string, steps?: string): string {
  const exe = join(tmp.dir, name);
  const extra = steps ? [steps] : [];
  cc(['-std=c11', '-O2', `-I${FFI_DIR}`, join(CPU_PLUGIN, 'test', 'prebound-check.c'), ...extra, ...objects, '-o', exe, ...(cpuPluginNative().ldflags ?? [])]);
  return exe;
}

function runDriver(exe: string, manifest: DispatchManifest, inputs: Float32Array, tag: string): { prebound: number; outputs: Uint8Array } {
  const files = { manifest: join(tmp.dir, `${tag}.manifest`), inputs: join(tmp.dir, `${tag}.in`), outputs: join(tmp.dir, `${tag}-${exe.split('/').pop()}.out`) };
  writeFileSync(files.manifest, encodeManifest(manifest));
  writeFileSync(files.inputs, new Uint8Array(inputs.buffer));
  const r = Bun.spawnSync([exe, files.manifest, files.inputs, files.outputs, '2'], { stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`${exe}: ${r.stderr.toString()}`);
  const m = /prebound (\d+)/.exec(r.stdout.toString());
  return { prebound: Number(m?.[1]), outputs: new Uint8Array(readFileSync(files.outputs)) };
}

describeWithTools(['cc'], 'backend-cpu build entry (hodu_cpu_steps.c)', () => {
  test('the descriptor declares a builder with a build entry', () => {
    expect(binding!.info).toMatchObject({ abiVersion: 3, builder: true, buildEntry: true });
  });

  test("build writes hodu_cpu_steps.c: one line per step with its kernel, node and op, parsed back by the host's reader", () => {
    const manifest = mobilenetManifest();
    const { dir, files } = buildInto('mobilenet', manifest);
    expect(files).toEqual([join(dir, 'hodu_cpu_steps.c')]);
    expect(readdirSync(dir)).toEqual(['hodu_cpu_steps.c']); // the temporary file was renamed, not left behind
    const comments = readFileSync(files[0]!, 'utf8').split('\n').flatMap((line) => parseStepComment(line) ?? []);
    const ops = new Map(mobilenet.graph.nodes.map((n) => [n.name, n.op] as const));
    expect(comments.map((c) => c.step)).toEqual(manifest.steps.map((_, i) => i));
    expect(comments.map((c): (string | undefined)[] => [c.kernel, c.node, c.op])).toEqual(manifest.steps.map((s) => [s.kernel, s.node, ops.get(s.node)]));
    expect(new Set(comments.map((c) => c.op))).toEqual(new Set(['Conv', 'Clip', 'BatchNormalization', 'HardSwish', 'AveragePool', 'ReduceMean', 'Gemm']));
  });

  test('node names that could break the comment are escaped (it still compiles warning-free and parses back)', () => {
    const manifest = mobilenetManifest();
    const nasty = ["a */ b", "it's /* x", 'tab\there'];
    nasty.forEach((name, i) => (manifest.steps[i]!.node = name));
    const { files } = buildInto('nasty', manifest);
    const nodes = readFileSync(files[0]!, 'utf8').split('\n').flatMap((l) => parseStepComment(l)?.node ?? []);
    expect(nodes.slice(0, 3)).toEqual(nasty);
    expect(cc(['-std=c11', '-Wall', '-Wextra', '-Werror', '-c', files[0]!, '-o', join(tmp.dir, 'nasty.o')])).toBe('');
  });

  test('an unknown kernel is E_BUILD_BACKEND naming the node, and nothing is written', () => {
    const manifest = mobilenetManifest();
    const victim = manifest.steps[2]!;
    victim.kernel = 'frobnicate_f32';
    const { error, left } = refusal(manifest, 'unknown');
    expect(error.code).toBe('E_BUILD_BACKEND');
    expect(error.message).toContain(`kernel 'frobnicate_f32' (node '${victim.node}') is not implemented`);
    expect(left).toEqual([]);
  });

  test("a step the kernel's own check refuses is E_BUILD_BACKEND naming the node, and nothing is written", () => {
    const manifest = decodeManifest(encodeManifest(mobilenetManifest()));
    const gemm = manifest.steps.find((s) => s.kernel === 'gemm_f32')!;
    gemm.metadata = [7n];
    const { error, left } = refusal(manifest, 'refused');
    expect(error.code).toBe('E_BUILD_BACKEND');
    expect(error.message).toContain(`(node '${gemm.node}')`);
    expect(left).toEqual([]);
  });

  test('linked into a program, the steps file makes create() bind from the table, with the same outputs; another manifest falls back', () => {
    const manifest = mobilenetManifest();
    const { files } = buildInto('linked', manifest);
    const withSteps = driver('check-steps', files[0]);
    const plain = driver('check-plain');
    const image = Float32Array.from(randomFloats(3 * 32 * 32, 7));
    const a = runDriver(withSteps, manifest, image, 'mobilenet');
    const b = runDriver(plain, manifest, image, 'mobilenet');
    expect(b.prebound).toBe(0);
    expect(a.prebound).toBe(manifest.steps.length);
    expect(a.outputs.byteLength).toBe(40);
    expect(new Float32Array(a.outputs.buffer).some((v) => v !== 0)).toBe(true);
    expect(a.outputs).toEqual(b.outputs);
    // The table was written for mobilenet: an MLP (another step count) is bound by name, silently.
    const mlp = planned(mlpModel(), { x: [3, 8] });
    const x = Float32Array.from(randomFloats(24, 3));
    const other = runDriver(withSteps, mlp, x, 'mlp');
    expect(other.prebound).toBe(0);
    expect(other.outputs).toEqual(runDriver(plain, mlp, x, 'mlp').outputs);
  });
});
