/**
 * If/Loop bodies partitioned (src/runtime/partition/bodies.ts) with a stand-in native backend whose sessions run
 * synchronously (as an in-process plugin's do): body nodes it has kernels for run on it, the rest on the interp,
 * outputs equal the interp; without a synchronous run, bodies stay on the interp and the report says why.
 */
import { expect, test } from 'bun:test';
import interp from '../../../src/backends/interp/index';
import { Executor } from '../../../src/backends/interp/executor';
import type { Tensor } from '../../../src/ir/tensor';
import { fromNumbers } from '../../../src/ir/tensor';
import { PartitionedSession } from '../../../src/runtime/partition/session';
import type { RuntimeValue } from '../../../src/sdk/backend';
import { compareTensor } from '../../ops/harness';
import { f32, ir, values } from '../passes-support/build';
import { fakeNative } from './fake-native';

const model = ir(`
  graph g (x: float32[2,3], c: bool[]) -> (y: ?) {
    %h = Erf(x)
    y = If(c)
      then_branch:
      graph then () -> (t: ?) {
        %a = Relu(%h)
        %b = Erf(%a)
        t = Add(%b, %h)
      }
      else_branch:
      graph else () -> (e: ?) {
        e = Identity(%h)
      }
  }`);

const feeds = (cond: boolean) => new Map<string, RuntimeValue>([['x', f32([2, 3], values(6, 3))], ['c', fromNumbers('bool', [], [cond ? 1 : 0])]]);

test('an If body runs its supported nodes on the native backend, the rest on the interp; outputs equal the interp', async () => {
  const { backend, ran } = fakeNative(['relu_f32', 'add_f32'], true);
  const session = new PartitionedSession(model, backend, interp);
  for (const cond of [true, false]) {
    const f = feeds(cond);
    const got = (await session.run(f)).get('y') as Tensor;
    expect(compareTensor(got, new Executor(model).run(f).get('y') as Tensor, 1e-6, 1e-7)).toBeNull();
  }
  expect(ran).toEqual([['Relu'], ['Add']]); // the then branch's two native partitions; Identity has no kernel
  const report = session.explain()!;
  expect(report.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)).toEqual(['interp:Erf+If']);
  expect(report.bodies!.map((b) => [b.body, b.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)])).toEqual([
    ["If 'If_y' then_branch", ['fake:Relu', 'interp:Erf', 'fake:Add']],
  ]);
  expect(report.note).toBeUndefined();
  // The same shapes again: the plan is reused (no new native session, only new runs).
  await session.run(feeds(true));
  expect(ran.length).toBe(4);
});

test('a native backend that cannot run synchronously (isolated): bodies stay on the interp, and the report says why', async () => {
  const { backend, ran } = fakeNative(['relu_f32', 'add_f32'], false);
  const session = new PartitionedSession(model, backend, interp);
  const f = feeds(true);
  const got = (await session.run(f)).get('y') as Tensor;
  expect(compareTensor(got, new Executor(model).run(f).get('y') as Tensor, 1e-6, 1e-7)).toBeNull();
  expect(ran).toEqual([]);
  expect(session.explain()!.note).toContain('fake runs in a child process (isolated)');
});

test('a Loop body: one plan for every iteration (same shapes), outputs equal the interp', async () => {
  const loop = ir(`
    graph g (x: float32[2,3], n: int64[]) -> (y: ?) {
      init yes: bool[] = [1]
      y = Loop(n, %yes, x)
        body:
        graph body (i: int64[], cin: bool[], v: float32[2,3]) -> (cout: ?, vout: ?) {
          cout = Identity(cin)
          %r = Relu(v)
          %e = Erf(%r)
          vout = Add(%e, v)
        }
    }`);
  const { backend, ran, created } = fakeNative(['relu_f32', 'add_f32'], true);
  const session = new PartitionedSession(loop, backend, interp);
  const f = new Map<string, RuntimeValue>([['x', f32([2, 3], values(6, 5))], ['n', fromNumbers('int64', [], [3])]]);
  const got = (await session.run(f)).get('y') as Tensor;
  expect(compareTensor(got, new Executor(loop).run(f).get('y') as Tensor, 1e-6, 1e-7)).toBeNull();
  expect(ran).toEqual([['Relu'], ['Add'], ['Relu'], ['Add'], ['Relu'], ['Add']]);
  // One probe of the whole model (can it run synchronously?), then the body's two native partitions, once.
  expect(created.map((m) => m.graph.nodes.map((n) => n.op).join('+'))).toEqual(['Loop', 'Relu', 'Add']);
  expect(session.explain()!.bodies!.map((b) => b.body)).toEqual(["Loop 'Loop_y' body"]);
});
