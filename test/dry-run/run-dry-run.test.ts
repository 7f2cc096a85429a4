/**
 * `hodu run --dry-run` through the binary: what it says about the backend, the partition (bodies too), the
 * passes, memory and the other candidates, that it computes and writes nothing, and its exit status (1 with
 * the missing ops when no backend, the interp included, has an op).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hodu, requireBinary, tempDir } from '../e2e/hodu';
import { writeModels } from './models';

const t = tempDir('hodu-dry-run-');
const env = { HODU_HOME: join(t.dir, 'home') };
let m: ReturnType<typeof writeModels>;
beforeAll(() => {
  requireBinary();
  m = writeModels(t.dir);
});
afterAll(() => t.cleanup());

const json = (args: string[]) => {
  const r = hodu(['run', ...args, '--dry-run', '--json'], { env });
  return { ...r, report: JSON.parse(r.stdout) };
};

test('a model split between cpu and the interp: the fallback node, its reason, and interp passed over for its priority', () => {
  const { code, report } = json([m.split]);
  expect(code).toBe(0);
  expect(report.format).toEqual({ name: 'onnx', version: expect.any(String), source: 'embedded' });
  expect(report.backend).toBe('cpu');
  expect(report.device).toBe('cpu');
  expect(report.partition.partitions.map((p: { backend: string; nodes: string[] }) => [p.backend, p.nodes])).toEqual([['cpu', ['r']], ['interp', ['y']]]);
  expect(report.partition.fallbacks).toEqual([{ node: 'y', op: 'Hardmax', reason: expect.stringContaining('cpu has no kernel for Hardmax') }]);
  expect(report.candidates).toContainEqual(expect.objectContaining({ name: 'interp', status: 'rejected', reason: expect.stringContaining("priority (10) is below cpu's (20)") }));
  expect(report.canRun).toBe(true);
  expect(report.missingOps).toEqual([]);
  // Planned: x, r and y are float32[2,3] (24 bytes each); the arena holds r.
  expect(report.memory).toMatchObject({ planned: true, inputs: 24, outputs: 24, weights: 0 });
  expect(report.memory.intermediates).toBeGreaterThanOrEqual(24);
});

test('the split matches what --explain reports after a real run', () => {
  const dry = json([m.split]).report;
  const ran = JSON.parse(hodu(['run', m.split, '--random-inputs', '--explain', '--json'], { env }).stdout).explain;
  expect(dry.partition.partitions.map((p: { backend: string; ops: string[] }) => ({ backend: p.backend, ops: p.ops }))).toEqual(ran.partitions.map((p: { backend: string; ops: string[] }) => ({ backend: p.backend, ops: p.ops })));
});

test('--backend interp: cpu is rejected because interp was asked for; text output names every section', () => {
  const { report } = json([m.allCpu, '--backend', 'interp']);
  expect(report.backend).toBe('interp');
  expect(report.candidates).toContainEqual(expect.objectContaining({ name: 'cpu', status: 'rejected', reason: expect.stringContaining("'interp' was asked for by name") }));
  expect(report.partition.partitions).toEqual([{ backend: 'interp', nodes: ['r', 'y'], ops: ['Relu', 'Neg'] }]);
  const text = hodu(['run', m.allCpu, '--dry-run'], { env });
  expect(text.code).toBe(0);
  for (const label of ['format ', 'inputs ', 'passes ', 'backend ', 'device ', 'threads ', 'partition ', 'memory ', 'cache ', 'candidates', 'result      can run']) expect(text.stdout).toContain(label);
});

test('passes: -O1 counts the Identity nodes eliminate-identity removes; -O0 changes nothing', () => {
  const o1 = json([m.identities, '-O1']).report;
  // Both Identity nodes go, and Relu is rewired to read x (a rewrite counts as one removed and one added).
  expect(o1.passes.changed).toContainEqual(expect.objectContaining({ pass: 'eliminate-identity', removed: 3, added: 1, nodesBefore: 3, nodesAfter: 1 }));
  const o0 = json([m.identities, '-O0']).report;
  expect(o0.passes.changed).toEqual([]);
  expect(o0.passes.ran).not.toContain('eliminate-identity');
});

test('an op no backend has: exit 1 with the op listed, the interp rejected for it', () => {
  const { code, report, stderr } = json([m.unknown]);
  expect(code).toBe(1);
  expect(report.canRun).toBe(false);
  expect(report.missingOps).toEqual(['FooBar']);
  expect(report.partition.fallbacks).toContainEqual({ node: 'y', op: 'FooBar', reason: 'no backend has FooBar, the interp included' });
  expect(report.candidates).toContainEqual(expect.objectContaining({ name: 'interp', reason: 'does not support op FooBar' }));
  expect(stderr).toContain('error[E_UNSUPPORTED_OP]');
  expect(stderr).toContain('runs op FooBar');
  const text = hodu(['run', m.custom, '--dry-run'], { env });
  expect(text.code).toBe(1);
  expect(text.stdout).toContain('result      cannot run: no backend has com.example::MyOp');
});

test('a Loop: the Loop stays on the host, its body is listed by path with its nodes on cpu', () => {
  const { code, report } = json([m.loop]);
  expect(code).toBe(0);
  expect(report.partition.fallbacks).toContainEqual(expect.objectContaining({ node: 'loop', op: 'Loop', reason: expect.stringContaining('control flow') }));
  const body = report.partition.bodies.find((b: { path: string }) => b.path === 'loop/body');
  expect(body?.holder).toBe("Loop 'loop'");
  const onCpu = body.partitions.filter((p: { backend: string }) => p.backend === 'cpu').flatMap((p: { nodes: string[] }) => p.nodes);
  expect(onCpu).toEqual(expect.arrayContaining(['r', 'x_out']));
  // --isolate runs cpu in a child process, whose sessions cannot run bodies: they stay on the interp.
  const isolated = json([m.loop, '--isolate']).report;
  expect(isolated.partition.bodies[0].partitions.every((p: { backend: string }) => p.backend === 'interp')).toBe(true);
  expect(isolated.partition.note).toContain('child process');
});

test('nothing is computed or written: --output names a file that stays absent', () => {
  const out = join(t.dir, 'never.npz');
  const r = hodu(['run', m.split, '--random-inputs', '--output', out, '--dry-run'], { env });
  expect(r.code).toBe(0);
  expect(existsSync(out)).toBe(false);
  expect(r.stdout).not.toContain('[[');
});

// Selection loads cpu to read its kernel list, which writes its library: the state is the one before the dry run.
test('the cache line: the embedded cpu library is a miss in a fresh home and a hit once it was written', () => {
  const home = { HODU_HOME: join(t.dir, 'fresh-home') };
  const before = JSON.parse(hodu(['run', m.allCpu, '--dry-run', '--json'], { env: home }).stdout);
  expect(before.cache).toMatchObject({ applies: 'embedded cpu library', state: 'miss' });
  expect(before.cache.detail).toContain('compile cache ($HODU_HOME/cache) does not apply');
  const after = JSON.parse(hodu(['run', m.allCpu, '--dry-run', '--json'], { env: home }).stdout);
  expect(after.cache.state).toBe('hit');
  const interp = JSON.parse(hodu(['run', m.allCpu, '--dry-run', '--json', '--backend', 'interp'], { env: home }).stdout);
  expect(interp.cache).toMatchObject({ applies: 'none', state: 'n/a' });
});
