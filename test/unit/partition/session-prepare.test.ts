/**
 * PartitionedSession.prepare (what `hodu run --benchmark` times as compile_ms): a single native partition
 * plans there (its session's prepare), a refusal there moves it to the interp as a refusal at run does, and
 * partitions fed by others are left to plan on their first run.
 */
import { expect, test } from 'bun:test';
import interp from '../../../src/backends/interp/index';
import { Executor } from '../../../src/backends/interp/executor';
import { HoduError } from '../../../src/errors';
import type { Model } from '../../../src/ir/graph';
import type { Tensor } from '../../../src/ir/tensor';
import { PartitionedSession } from '../../../src/runtime/partition/session';
import type { BackendPlugin, RuntimeValue } from '../../../src/sdk/backend';
import { f32, ir, values } from '../passes-support/build';
import { compareTensor } from '../../ops/harness';

const model = ir(`
  graph g (x: float32[N,4]) -> (y: ?) {
    init w: float32[4,4] = [0.5,0,0,0, 0,1,0,0, 0,0,-1,0, 0,0,0,2]
    %a = MatMul(x, %w)
    %r = Relu(%a)
    y = Erf(%r)
  }`);
const feeds = new Map<string, RuntimeValue>([['x', f32([3, 4], values(12, 3))]]);

/** A stand-in native backend whose sessions record prepare calls (with the fed names) and may refuse there. */
function fakeNative(kernels: string[], refuseAtPrepare = false) {
  const prepared: string[][] = [];
  const backend: BackendPlugin & { kernels: string[] } = {
    name: 'fake',
    version: '0',
    capabilities: { runner: true, builder: false, devices: ['cpu'], priority: 1 },
    kernels,
    createSession(sub: Model) {
      return {
        prepare(f: Map<string, RuntimeValue>) {
          prepared.push([...f.keys()]);
          if (refuseAtPrepare) throw new HoduError('E_PLUGIN_REFUSED', "plugin 'fake' could not prepare the model: not today");
        },
        run: async (f: Map<string, RuntimeValue>) => new Executor(sub).run(f),
      };
    },
  };
  return { backend, prepared };
}

async function expectInterpOutput(session: PartitionedSession): Promise<void> {
  const got = (await session.run(feeds)).get('y') as Tensor;
  expect(compareTensor(got, new Executor(model).run(feeds).get('y') as Tensor, 1e-6, 1e-7)).toBeNull();
}

test('one native partition: prepare plans it with the graph feeds', async () => {
  const { backend, prepared } = fakeNative(['mat_mul_f32', 'relu_f32', 'erf_f32']);
  const session = new PartitionedSession(model, backend, interp);
  await session.prepare(feeds);
  expect(prepared).toEqual([['x']]);
  await expectInterpOutput(session);
  expect(session.explain()!.partitions.map((p) => p.backend)).toEqual(['fake']);
});

test('a refusal at prepare moves the partition to the interp, as at run', async () => {
  const { backend } = fakeNative(['mat_mul_f32', 'relu_f32', 'erf_f32'], true);
  const session = new PartitionedSession(model, backend, interp);
  await session.prepare(feeds);
  await expectInterpOutput(session);
  const [only] = session.explain()!.partitions;
  expect(only!.backend).toBe('interp');
  expect(only!.movedToInterp).toContain('not today');
});

test('several partitions: prepare creates them but plans none (their inputs exist only at run)', async () => {
  const { backend, prepared } = fakeNative(['mat_mul_f32', 'relu_f32']);
  const session = new PartitionedSession(model, backend, interp);
  await session.prepare(feeds);
  expect(prepared).toEqual([]);
  await expectInterpOutput(session);
});
