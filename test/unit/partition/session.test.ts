/**
 * PartitionedSession with a stand-in native backend (a JS backend with a kernel list that runs its sub-models on
 * the interp executor and records them): outputs equal the interp's, partitions run where the split says, a
 * refused partition moves to the interp, plans are kept per shape set (bounded).
 */
import { expect, test } from 'bun:test';
import interp from '../../../src/backends/interp/index';
import { Executor } from '../../../src/backends/interp/executor';
import { HoduError } from '../../../src/errors';
import type { Model } from '../../../src/ir/graph';
import { fromNumbers, type Tensor } from '../../../src/ir/tensor';
import { MAX_PLANS, PartitionedSession } from '../../../src/runtime/partition/session';
import type { BackendPlugin, RuntimeValue } from '../../../src/sdk/backend';
import { f32, ir, values } from '../passes-support/build';
import { compareTensor } from '../../ops/harness';

interface Log {
  created: string[][];
  disposed: number;
}

/** A "native" backend with `kernels` that refuses (at its first run, as create does) any sub-model holding an op in `refuse`. */
function fakeNative(kernels: string[], refuse: string[] = [], nameNode = false): { backend: BackendPlugin & { kernels: string[] }; log: Log } {
  const log: Log = { created: [], disposed: 0 };
  const backend = {
    name: 'fake',
    version: '0',
    capabilities: { runner: true, builder: false, devices: ['cpu'], priority: 1 },
    kernels,
    createSession(model: Model) {
      log.created.push(model.graph.nodes.map((n) => n.op));
      const refused = model.graph.nodes.find((n) => refuse.includes(n.op));
      return {
        async run(feeds: Map<string, RuntimeValue>) {
          if (refused) throw new HoduError('E_PLUGIN_REFUSED', `plugin 'fake' could not prepare the model: ${refused.op}${nameNode ? ` (node '${refused.name}')` : ''} attribute not done`);
          return new Executor(model).run(feeds);
        },
        dispose: () => void log.disposed++,
      };
    },
  };
  return { backend, log };
}

const model = ir(`
  graph g (x: float32[N,4]) -> (y: ?, r: ?) {
    init w: float32[4,4] = [0.5,0,0,0, 0,1,0,0, 0,0,-1,0, 0,0,0,2]
    %a = MatMul(x, %w)
    r = Relu(%a)
    %e = Erf(r)
    y = MatMul(%e, %w)
  }`);
const feed = (n: number) => new Map<string, RuntimeValue>([['x', f32([n, 4], values(n * 4, n))]]);

async function expectInterpOutputs(session: PartitionedSession, feeds: Map<string, RuntimeValue>): Promise<void> {
  const got = await session.run(feeds);
  const want = new Executor(model).run(feeds);
  for (const name of ['y', 'r']) expect(compareTensor(got.get(name) as Tensor, want.get(name) as Tensor, 1e-6, 1e-7)).toBeNull();
}

test('native partitions around an op the backend lacks; outputs equal the interp; --explain report', async () => {
  const { backend, log } = fakeNative(['mat_mul_f32', 'relu_f32']);
  const session = new PartitionedSession(model, backend, interp);
  await expectInterpOutputs(session, feed(2));
  expect(log.created).toEqual([['MatMul', 'Relu'], ['MatMul']]);
  const report = session.explain()!;
  expect(report.partitions.map((p) => `${p.backend}:${p.ops.join('+')}:${p.nodes}`)).toEqual(['fake:MatMul+Relu:2', 'interp:Erf:1', 'fake:MatMul:1']);
  expect(report.fallbacks.map((f) => `${f.op}: ${f.reason}`)).toEqual(["Erf: fake has no kernel for Erf ('erf_f32')"]);
  session.dispose();
  expect(log.disposed).toBe(2);
});

test('a partition the plugin refuses moves to the interp, and the report says why', async () => {
  const { backend, log } = fakeNative(['mat_mul_f32', 'relu_f32', 'erf_f32'], ['Relu']);
  const session = new PartitionedSession(model, backend, interp);
  await expectInterpOutputs(session, feed(3));
  expect(log.created).toEqual([model.graph.nodes.map((n) => n.op)]); // the whole model was one native partition
  const [only] = session.explain()!.partitions;
  expect(only!.backend).toBe('interp');
  expect(only!.movedToInterp).toBe("plugin 'fake' could not prepare the model: Relu attribute not done");
  // Later runs of that shape go straight to the interp.
  await expectInterpOutputs(session, feed(3));
  expect(log.created.length).toBe(1);
});

test('one plan per shape set, reused, the oldest dropped past MAX_PLANS', async () => {
  const { backend, log } = fakeNative(['mat_mul_f32', 'relu_f32']);
  const session = new PartitionedSession(model, backend, interp);
  await expectInterpOutputs(session, feed(1));
  await expectInterpOutputs(session, feed(5));
  await expectInterpOutputs(session, feed(1));
  expect(log.created.length).toBe(4); // two native partitions for each of two batch sizes
  for (let n = 2; n < 2 + MAX_PLANS; n++) await expectInterpOutputs(session, feed(n));
  expect(log.disposed).toBeGreaterThanOrEqual(2); // a plan dropped disposes its sessions
  session.dispose();
  expect(log.disposed).toBe(log.created.length);
});

test('an error that is not a refusal propagates', async () => {
  const { backend } = fakeNative(['mat_mul_f32', 'relu_f32']);
  const failing = { ...backend, createSession: () => ({ run: async () => Promise.reject(new HoduError('E_PLUGIN', 'status 3')) }) };
  const session = new PartitionedSession(model, failing, interp);
  await expect(session.run(feed(2))).rejects.toThrow('status 3');
});

test('nodes after an If (whose output shape is unknown until it ran) are split again with the shapes it produced', async () => {
  const withIf = ir(`
    graph g (x: float32[2,4], c: bool[]) -> (y: ?) {
      init w: float32[4,4] = [0.5,0,0,0, 0,1,0,0, 0,0,-1,0, 0,0,0,2]
      %h = Relu(x)
      %b = If(c)
        then_branch:
        graph then () -> (t: ?) {
          t = Identity(%h)
        }
        else_branch:
        graph else () -> (e: ?) {
          e = Concat(%h, %h) {axis=0}
        }
      y = MatMul(%b, %w)
    }`);
  const { backend, log } = fakeNative(['mat_mul_f32', 'relu_f32']);
  const session = new PartitionedSession(withIf, backend, interp);
  for (const cond of [1, 0, 1]) {
    const f = new Map<string, RuntimeValue>([['x', f32([2, 4], values(8, 4))], ['c', fromNumbers('bool', [], [cond])]]);
    const got = (await session.run(f)).get('y') as Tensor;
    expect(compareTensor(got, new Executor(withIf).run(f).get('y') as Tensor, 1e-6, 1e-7)).toBeNull();
  }
  // The MatMul after the If (whose branches differ in rows) ran natively, planned once per shape it was fed.
  expect(log.created).toEqual([['Relu'], ['MatMul'], ['MatMul']]);
  const report = session.explain()!;
  expect(report.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)).toEqual(['fake:Relu', 'interp:If', 'fake:MatMul']);
  expect(report.fallbacks.map((f) => f.op)).toEqual(['If']);
  expect(report.partitions.map((p) => p.splitWhenReached)).toEqual([undefined, undefined, 'If_b']);
  session.dispose();
  expect(log.disposed).toBe(3);
});

test('--profile: interp partitions time their nodes, a native partition is one entry', async () => {
  const { backend } = fakeNative(['mat_mul_f32', 'relu_f32']);
  const session = new PartitionedSession(model, backend, interp, { profile: true });
  await session.run(feed(2));
  const timings = session.profile();
  expect(timings.map((t) => `${t.op} ${t.node}`)).toEqual(['fake partition partition #0 (MatMul, Relu)', `Erf ${model.graph.nodes[2]!.name}`, 'fake partition partition #2 (MatMul)']);
  for (const t of timings) expect(t.ms).toBeGreaterThanOrEqual(0);
});

test('a refusal naming one node of a larger partition sends that node alone to the interp', async () => {
  const { backend, log } = fakeNative(['mat_mul_f32', 'relu_f32', 'erf_f32'], ['Relu'], true);
  const session = new PartitionedSession(model, backend, interp);
  await expectInterpOutputs(session, feed(3));
  expect(log.created).toEqual([['MatMul', 'Relu', 'Erf', 'MatMul'], ['MatMul'], ['Erf', 'MatMul']]);
  const report = session.explain()!;
  expect(report.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)).toEqual(['fake:MatMul', 'interp:Relu', 'fake:Erf+MatMul']);
  expect(report.fallbacks.map((f) => f.reason)).toEqual([`fake refused it at create(): plugin 'fake' could not prepare the model: Relu (node '${model.graph.nodes[1]!.name}') attribute not done`]);
  // Other shapes split without it from the start.
  await expectInterpOutputs(session, feed(4));
  expect(log.created.length).toBe(5);
});
