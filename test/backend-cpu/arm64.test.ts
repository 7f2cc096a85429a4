/**
 * backend-cpu's C-level checks, built from the sources and flags of the plugin's package.json, natively under
 * every x86 micro-kernel (HODU_CPU_ISA) and cross-built for arm64 with aarch64-linux-gnu-gcc, run under
 * qemu-aarch64: kernel-check.c (sgemm and a few kernels on random data against a naive double-precision
 * reference) and manifest-check.c (every official conformance test that passes on cpu, as the manifest hodu
 * plans, through the plugin's ABI; needs the test data). The arm64 shared library itself must also build.
 */
import { afterAll, describe, expect } from 'bun:test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cCompiler, compileCommand } from '../../src/plugins/build-native';
import { libraryArch } from '../../src/plugins/native/arch';
import { onnxTestDataDir } from '../conformance/testdata';
import { tempDir } from '../e2e/hodu';
import { testWithTools } from '../support/optional-tools';
import { writeManifestBundle } from '../conformance/manifest-bundle';

const ROOT = join(import.meta.dir, '..', '..');
const PLUGIN = join(ROOT, 'plugins', 'backend-cpu');
const FFI = join(ROOT, 'ffi');
const native = JSON.parse(readFileSync(join(PLUGIN, 'package.json'), 'utf8')).hodu.native as { sources: string[]; cflags?: string[]; ldflags?: string[]; library: string };
const tmp = tempDir('hodu-kernel-check-');
afterAll(() => tmp.cleanup());

function spawn(cmd: string[], env: Record<string, string | undefined> = process.env): { code: number; output: string } {
  const r = Bun.spawnSync(cmd, { cwd: PLUGIN, env, stdout: 'pipe', stderr: 'pipe' });
  return { code: r.exitCode ?? -1, output: `${r.stdout.toString()}${r.stderr.toString()}` };
}

/** Compiles a test driver with the plugin's sources and flags; throws with the compiler's output on failure. */
function buildCheck(cc: string[], out: string, driver = 'test/kernel-check.c'): string {
  const cmd = [...cc, '-O2', `-I${FFI}`, ...(native.cflags ?? []), driver, ...native.sources, '-o', out, ...(native.ldflags ?? [])];
  const r = spawn(cmd);
  if (r.code !== 0) throw new Error(`$ ${cmd.join(' ')}\n${r.output}`);
  return out;
}

/**
 * Runs a check program; returns its summary line and micro-kernel line after asserting it found no failure
 * and ran `cases` cases (kernel-check: more than 100).
 */
function runCheck(cmd: string[], env: Record<string, string | undefined>, cases?: number): { summary: string; kernel: string; threads: string; vector: string; direct: number } {
  const r = spawn(cmd, env);
  const summary = /^(\d+) passed, (\d+) failed$/m.exec(r.output);
  expect(summary, r.output).not.toBeNull();
  expect({ failed: Number(summary![2]), exit: r.code, output: r.code ? r.output : '' }).toEqual({ failed: 0, exit: 0, output: '' });
  if (cases === undefined) expect(Number(summary![1])).toBeGreaterThan(100); // every case ran (a driver that stopped early says so)
  else expect(Number(summary![1])).toBe(cases);
  return { summary: summary![0], kernel: /^micro-kernel: (.*)$/m.exec(r.output)?.[1] ?? '', threads: /^threads: (\d+)$/m.exec(r.output)?.[1] ?? '', vector: /^vector kernels: (.*)$/m.exec(r.output)?.[1] ?? '', direct: Number(/^direct convs: (\d+)$/m.exec(r.output)?.[1] ?? -1) };
}

const x86 = process.arch === 'x64';

testWithTools(['cc'], 'kernel-check natively: sgemm and kernels equal the C reference under every micro-kernel this CPU has', () => {
  const exe = buildCheck(cCompiler(), join(tmp.dir, 'kernel-check'));
  for (const env of isaEnvs()) {
    const r = runCheck([exe], env);
    if (env.HODU_CPU_ISA === 'c') expect([r.kernel, r.vector]).toEqual(['c 4x8', 'c']);
    if (env.HODU_CPU_ISA === 'avx2') expect(r.kernel).toMatch(/^(avx2|c) /); // c when the CPU lacks AVX2
    expect(r.vector).toBe(r.kernel.split(' ')[0]!); // the vector kernels follow the micro-kernel's ISA
    // conv-direct.c's register tiles (AVX2, AVX-512) ran the direct conv cases; the portable C path has none.
    if (r.vector === 'c') expect(r.direct).toBe(0);
    else expect(r.direct).toBeGreaterThanOrEqual(12);
  }
}, 120_000);

const CROSS = 'aarch64-linux-gnu-gcc';
const SYSROOT = '/usr/aarch64-linux-gnu';

testWithTools([CROSS, 'qemu-aarch64'], 'kernel-check cross-built for arm64 passes under qemu-aarch64, NEON and C paths', () => {
  const exe = buildCheck([CROSS], join(tmp.dir, 'kernel-check-arm64'));
  expect(libraryArch(exe)).toBe('aarch64');
  const neon = runCheck(['qemu-aarch64', '-L', SYSROOT, exe], process.env);
  expect([neon.kernel, neon.vector]).toEqual(['neon 8x12', 'neon']);
  // conv-direct.c's NEON tile took the 3×3 (strided, dilated, grouped, odd widths) and 5×5 depthwise cases.
  expect(neon.direct).toBeGreaterThanOrEqual(12);
  // The portable C paths, forced (HODU_CPU_ISA), on the same cases.
  const c = runCheck(['qemu-aarch64', '-L', SYSROOT, exe], { ...process.env, HODU_CPU_ISA: 'c' });
  expect([c.kernel, c.vector, c.direct]).toEqual(['c 4x8', 'c', 0]); // im2col + sgemm, on the same cases
  // With a pool of 3 threads splitting even these small cases (HODU_CHECK_THREADS, HODU_CPU_SPLIT_SMALL).
  const threaded = runCheck(['qemu-aarch64', '-L', SYSROOT, exe], { ...process.env, HODU_CHECK_THREADS: '3', HODU_CPU_SPLIT_SMALL: '1' });
  expect(threaded.threads).toBe('3'); // the pool started (qemu-user runs the threads)
}, 300_000);

testWithTools([CROSS], 'the arm64 shared library builds with the command hodu uses, and is an aarch64 ELF', () => {
  const lib = join(tmp.dir, 'arm64', native.library);
  const saved = process.env.CC;
  process.env.CC = CROSS; // compileCommand takes the compiler from $CC, as `hodu plugin install` does
  let cmd: string[];
  try {
    cmd = compileCommand({ ...native, library: lib }, FFI, 'release');
  } finally {
    if (saved === undefined) delete process.env.CC;
    else process.env.CC = saved;
  }
  mkdirSync(join(tmp.dir, 'arm64'), { recursive: true });
  const built = spawn(cmd);
  expect(built.code, built.output).toBe(0);
  expect(libraryArch(lib)).toBe('aarch64');
}, 120_000);

/** Environments selecting each micro-kernel this platform can force (HODU_CPU_ISA is honoured on x86 only). */
function isaEnvs(): Record<string, string | undefined>[] {
  return (x86 ? [undefined, 'avx2', 'c'] : [undefined]).map((isa) => {
    const env: Record<string, string | undefined> = { ...process.env, HODU_CPU_ISA: isa };
    if (isa === undefined) delete env.HODU_CPU_ISA;
    return env;
  });
}

const root = onnxTestDataDir();
let bundle: { path: string; cases: number } | undefined;
/** The conformance bundle (written once per run). */
function conformanceBundle(): { path: string; cases: number } {
  if (!bundle) {
    const path = join(tmp.dir, 'conformance.cases');
    bundle = { path, cases: writeManifestBundle(root!, path) };
  }
  return bundle;
}

describe.skipIf(!root)('the conformance tests that pass on cpu, as planned manifests through the ABI', () => {
  testWithTools(['cc'], 'manifest-check natively, under every micro-kernel this CPU has', () => {
    const { path, cases } = conformanceBundle();
    expect(cases).toBeGreaterThan(100);
    const exe = buildCheck(cCompiler(), join(tmp.dir, 'manifest-check'), 'test/manifest-check.c');
    for (const env of isaEnvs()) runCheck([exe, path], env, cases);
    // Three threads with even tiny ops split between them: the pool's results must equal one thread's.
    runCheck([exe, path, '3'], { ...process.env, HODU_CPU_SPLIT_SMALL: '1' }, cases);
  }, 300_000);

  testWithTools([CROSS, 'qemu-aarch64'], 'manifest-check cross-built for arm64 under qemu-aarch64 gives the same answers', () => {
    const { path, cases } = conformanceBundle();
    const exe = buildCheck([CROSS], join(tmp.dir, 'manifest-check-arm64'), 'test/manifest-check.c');
    runCheck(['qemu-aarch64', '-L', SYSROOT, exe, path], process.env, cases);
    runCheck(['qemu-aarch64', '-L', SYSROOT, exe, path], { ...process.env, HODU_CPU_ISA: 'c' }, cases);
    runCheck(['qemu-aarch64', '-L', SYSROOT, exe, path, '3'], { ...process.env, HODU_CPU_SPLIT_SMALL: '1' }, cases);
  }, 300_000);
});
