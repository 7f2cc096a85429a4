/**
 * The cpu backend embedded in the compiled binary (issue 11): written once under $HODU_HOME, checked by
 * sha256, the default when its kernels cover a model, interp otherwise, never breaking `hodu run`.
 * The expected checksum comes from the library build.ts left in dist/embedded/, not from hodu's own output.
 */
import { afterAll, expect, test } from 'bun:test';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile } from './hodu';

const ROOT = join(import.meta.dir, '..', '..');
const MLP = join(ROOT, 'examples', 'mlp.onnx');
const BUILT = join(ROOT, 'dist', 'embedded', 'libhodu_cpu.so');
const RTOL = 1e-4;
const ATOL = 1e-5;

requireBinary();
const t = tempDir('hodu-embedded-cpu-');
afterAll(() => t.cleanup());
let homes = 0;
function freshHome(): string {
  const home = join(t.dir, `home${homes++}`);
  mkdirSync(home, { recursive: true });
  return home;
}
const run = (home: string, args: string[]) => hodu(args, { env: { HODU_HOME: home } });
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const libraryIn = (home: string) => {
  const dir = join(home, 'embedded');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.so')) : [];
  expect(files).toHaveLength(1);
  return join(dir, files[0]!);
};
type RunJson = { backend: string; outputs: { name: string; shape: number[]; data: number[] }[] };
const runJson = (home: string, args: string[]): RunJson => {
  const r = run(home, [...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as RunJson;
};

test('a fresh $HODU_HOME: `hodu run` picks cpu, after writing its library under $HODU_HOME/embedded with the checksum of the one built', () => {
  const home = freshHome();
  const r = run(home, ['run', MLP, '--random-inputs', '--verbose']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/backend: cpu — chosen automatically: the highest priority \(20\)/);
  const lib = libraryIn(home);
  expect(sha256(lib)).toBe(sha256(BUILT));
  expect(lib).toMatch(new RegExp(`/embedded/cpu-[0-9.]+-${sha256(BUILT).slice(0, 12)}\\.so$`));
});

test('a corrupted or deleted library is written again before it is loaded', () => {
  const home = freshHome();
  expect(run(home, ['run', MLP, '--random-inputs']).code).toBe(0);
  const lib = libraryIn(home);
  const good = sha256(lib);
  const bytes = readFileSync(lib);
  bytes[bytes.length >> 1] ^= 0xff;
  writeFileSync(lib, bytes);
  expect(sha256(lib)).not.toBe(good);
  const doctor = JSON.parse(run(home, ['doctor', '--json']).stdout) as { checks: { id: string; detail: string }[] };
  expect(doctor.checks.find((c) => c.id === 'cpu-backend')?.detail).toContain('differs from the embedded library');
  const r = run(home, ['run', MLP, '--random-inputs', '--verbose']);
  expect(r.stderr).toContain('backend: cpu');
  expect(sha256(lib)).toBe(good);
  rmSync(lib);
  expect(run(home, ['run', MLP, '--random-inputs', '--verbose']).stderr).toContain('backend: cpu');
  expect(sha256(libraryIn(home))).toBe(good);
});

test('cpu and interp give the same outputs (rtol 1e-4, atol 1e-5), in-process and with --isolate', () => {
  const home = freshHome();
  const args = ['run', MLP, '--random-inputs', '--seed', '7'];
  const interp = runJson(home, [...args, '--backend', 'interp']);
  expect(interp.backend).toBe('interp');
  for (const extra of [[], ['--isolate']]) {
    const cpu = runJson(home, [...args, ...extra]);
    expect(cpu.backend).toBe('cpu');
    expect(cpu.outputs.map((o) => [o.name, o.shape])).toEqual(interp.outputs.map((o) => [o.name, o.shape]));
    cpu.outputs.forEach((o, i) => {
      const ref = interp.outputs[i]!.data;
      const bad = o.data.filter((v, j) => !(Math.abs(v - ref[j]!) <= ATOL + RTOL * Math.abs(ref[j]!)));
      expect(bad).toEqual([]);
    });
  }
});

test('a model with an op cpu lacks runs on interp, and --verbose says why cpu was passed over', () => {
  const home = freshHome();
  // Det: a linear-algebra op no CPU kernel is planned for (an elementwise op would soon gain one).
  const model = writeModelFile(join(t.dir, 'det.onnx'), buildModel({
    nodes: [{ name: 'det_0', op: 'Det', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [3, 3] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [] } }],
  }));
  const r = run(home, ['run', model, '--random-inputs', '--verbose']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('backend: interp');
  expect(r.stderr).toContain('passed over: cpu: does not support op Det');
});

test('no writable $HODU_HOME: the run falls back to interp, and --verbose says why', () => {
  const file = join(t.dir, 'not-a-folder');
  writeFileSync(file, 'x');
  const r = run(join(file, 'home'), ['run', MLP, '--random-inputs', '--verbose']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('backend: interp');
  expect(r.stderr).toContain('passed over: ');
  expect(r.stderr).toMatch(/cpu: its library cannot be used: .*not-a-folder is a file, not a folder/);
});

test('`hodu plugin list`, `hodu ops` and `hodu version --json` show cpu as embedded', () => {
  const home = freshHome();
  const list = JSON.parse(run(home, ['plugin', 'list', '--json']).stdout) as { plugins?: { name: string; embedded: boolean; source: string }[] } | { name: string; embedded: boolean }[];
  const rows = Array.isArray(list) ? list : (list.plugins ?? []);
  expect(rows.find((p) => p.name === 'cpu')).toMatchObject({ embedded: true });
  const ops = JSON.parse(run(home, ['ops', '--json', '--backend', 'cpu']).stdout) as { backends: { backend: string; kind: string; ops: { op: string }[] }[] };
  expect(ops.backends.map((b) => [b.backend, b.kind])).toEqual([['cpu', 'embedded']]);
  expect(ops.backends[0]!.ops.map((o) => o.op)).toContain('Conv');
  const v = JSON.parse(run(home, ['version', '--json']).stdout) as { backends: { name: string; sha256?: string }[] };
  expect(v.backends.map((b) => b.name)).toEqual(['interp', 'cpu']);
  expect(v.backends[1]!.sha256).toBe(sha256(BUILT));
});
