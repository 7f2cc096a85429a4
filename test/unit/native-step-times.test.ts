/**
 * `hodu run --profile` inside native partitions: the optional step-timing export (hodu_backend_profile in
 * ffi/hodu_plugin.h). A plugin with it is timed per node, in process and isolated; one without it (relu-ok,
 * like the template) still loads and runs, and each of its partitions stays one entry.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import interp from '../../src/backends/interp/index';
import { float32Tensor, type Tensor } from '../../src/ir/tensor';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import { stepNodeTimings } from '../../src/plugins/native/step-times';
import { PartitionedSession } from '../../src/runtime/partition/session';
import type { BackendPlugin, RuntimeValue } from '../../src/sdk/backend';
import type { DispatchManifest } from '../../src/sdk/manifest';
import { model, node } from '../fixtures/plugins/models';
import { checkTools, describeWithTools } from '../support/optional-tools';

const root = join(import.meta.dir, '..', '..');
let work: string;
const lib = (name: string) => join(work, `lib${name}.so`);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hodu-step-times-'));
  if (!checkTools(['cc']).run) return;
  for (const f of ['relu-ok', 'relu-timed']) {
    const args = ['cc', '-std=c11', '-Wall', '-Wextra', '-Werror', '-O2', '-fPIC', '-shared', `-I${join(root, 'ffi')}`, join(root, 'test', 'fixtures', 'plugins', `${f}.c`), '-o', lib(f)];
    const r = Bun.spawnSync(args, { stderr: 'pipe' });
    if (r.exitCode !== 0) throw new Error(r.stderr.toString());
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const reluModel = () => model({ inputs: { x: [4] }, outputs: ['y'], nodes: [node('Relu', ['x'], ['y'], {}, 'the_relu')] });
/** Relu, then Sin (which the fixtures lack: the interp runs it), then Relu: two native partitions around an interp one. */
const splitModel = () => model({ inputs: { x: [4] }, outputs: ['y'], nodes: [node('Relu', ['x'], ['r'], {}, 'first'), node('Sin', ['r'], ['s'], {}, 'middle'), node('Relu', ['s'], ['y'], {}, 'last')] });
const feeds = () => new Map<string, RuntimeValue>([['x', float32Tensor([-1, 2, -3, 4], [4])]]);
const native = (name: string, isolate: boolean) => loadNativeBackend(lib(name), probeNativeLibrary(lib(name)), { isolate }) as BackendPlugin & { kernels: string[] };

describeWithTools(['cc'], 'native per-step timing', () => {
  test('a plugin with the export: the time it reports, on the node of its step, in process and isolated', async () => {
    for (const isolate of [false, true]) {
      const session = await native('relu-timed', isolate).createSession(reluModel(), { profile: true });
      expect(Array.from(((await session.run(feeds())).get('y') as Tensor).data as Float32Array)).toEqual([0, 2, 0, 4]);
      // 1500003 ns (the fixture's constant): all 64 bits read.
      expect(session.profile?.()).toEqual([{ node: 'the_relu', op: 'Relu', ms: 1.500003, backend: 'relu-timed' }]);
      session.dispose?.();
    }
  });

  test('without --profile no timing is asked for', async () => {
    const session = await native('relu-timed', false).createSession(reluModel());
    await session.run(feeds());
    expect(session.profile?.()).toBeUndefined();
    session.dispose?.();
  });

  test('a plugin without the export loads and runs; a partitioned run shows each of its partitions as one entry', async () => {
    for (const isolate of [false, true]) {
      const plain = native('relu-ok', isolate);
      const session = await plain.createSession(reluModel(), { profile: true });
      expect(Array.from(((await session.run(feeds())).get('y') as Tensor).data as Float32Array)).toEqual([0, 2, 0, 4]);
      expect(session.profile?.()).toBeUndefined();
      const split = new PartitionedSession(splitModel(), plain, interp, { profile: true });
      await split.run(feeds());
      expect(split.profile().map((t) => [t.node, t.op, t.backend, t.partition])).toEqual([
        ['partition #0 (Relu)', 'relu-ok partition', 'relu-ok', 0],
        ['middle', 'Sin', 'interp', 1],
        ['partition #2 (Relu)', 'relu-ok partition', 'relu-ok', 2],
      ]);
      split.dispose();
    }
  });

  test('with the export, a partitioned run is timed per node on both sides', async () => {
    const split = new PartitionedSession(splitModel(), native('relu-timed', false), interp, { profile: true });
    await split.run(feeds());
    const timings = split.profile();
    expect(timings.map((t) => [t.node, t.op, t.backend, t.partition])).toEqual([
      ['first', 'Relu', 'relu-timed', 0],
      ['middle', 'Sin', 'interp', 1],
      ['last', 'Relu', 'relu-timed', 2],
    ]);
    expect(timings[0]!.ms).toBe(1.500003);
    expect(split.partitionTimes().map((p) => [p.partition, p.backend, p.nodes])).toEqual([[0, 'relu-timed', 1], [1, 'interp', 1], [2, 'relu-timed', 1]]);
    split.dispose();
  });
});

test('a fused step is one entry on its first node, naming the nodes it computed', () => {
  const step = (kernel: string, name: string) => ({ kernel, node: name, inputs: [], outputs: [], metadata: [] });
  const manifest = { steps: [step('conv_f32', 'c'), step('relu_f32', 'r'), step('clip_f32', 'k'), step('add_f32', 'a')] } as unknown as DispatchManifest;
  const ops = new Map([['c', 'Conv'], ['r', 'Relu'], ['k', 'Clip']]);
  const times = [{ ns: 4e6, fusedInto: -1 }, { ns: 0, fusedInto: 0 }, { ns: 0, fusedInto: 0 }, { ns: 5e5, fusedInto: -1 }];
  expect(stepNodeTimings(manifest, times, (n) => ops.get(n), 'cpu')).toEqual([
    { node: 'c', op: 'Conv+Relu+Clip', ms: 4, backend: 'cpu', fused: [{ node: 'r', op: 'Relu' }, { node: 'k', op: 'Clip' }] },
    // A node the model does not name (not in `ops`) shows its kernel.
    { node: 'a', op: 'add_f32', ms: 0.5, backend: 'cpu' },
  ]);
});
