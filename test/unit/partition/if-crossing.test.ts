/**
 * What an If costs between native partitions (src/runtime/partition/bodies.ts, session.ts): the enclosing
 * model's weights a branch reads are constants of the branch's native partitions (baked in, not fed each run),
 * a branch that only returns values runs no native call, an If alone in its partition is dispatched on the host,
 * and nested Ifs the shapes decide are replaced by their taken branch. Outputs always equal the interp's.
 */
import { expect, test } from 'bun:test';
import interp from '../../../src/backends/interp/index';
import { Executor } from '../../../src/backends/interp/executor';
import type { Model } from '../../../src/ir/graph';
import { fromNumbers, type Tensor } from '../../../src/ir/tensor';
import { PartitionedSession } from '../../../src/runtime/partition/session';
import type { RuntimeValue } from '../../../src/sdk/backend';
import { compareTensor } from '../../ops/harness';
import { f32, ir, values } from '../passes-support/build';
import { fakeNative } from './fake-native';

// As hey_jarvis ends: a score decides between a second MLP on the input (reading the model's weights) and the score itself.
const model = ir(`
  graph g (x: float32[1,4]) -> (y: ?) {
    init w: float32[4,1] = [0.5,-1,0.25,2]
    init v: float32[4,1] = [1,1,-1,0.5]
    init half: float32[] = [0.5]
    %s = MatMul(x, w)
    %p = Sigmoid(%s)
    %c = GreaterOrEqual(%p, half)
    y = If(%c)
      then_branch:
      graph then () -> (t: ?) {
        %m = MatMul(x, v)
        t = Sigmoid(%m)
      }
      else_branch:
      graph else () -> (e: ?) {
        e = Identity(%p)
      }
  }`);

const kernels = ['mat_mul_f32', 'sigmoid_f32', 'greater_or_equal_f32_bool', 'identity_f32'];

async function expectInterp(session: PartitionedSession, m: Model, feeds: Map<string, RuntimeValue>): Promise<void> {
  const got = await session.run(feeds);
  const want = new Executor(m).run(feeds);
  for (const [name, t] of want) expect(compareTensor(got.get(name) as Tensor, t as Tensor, 1e-6, 1e-7)).toBeNull();
}

test("a branch's reads of the model's weights are constants of its native partition; a branch that only returns a value runs nothing native", async () => {
  const { backend, ran, created } = fakeNative(kernels);
  const session = new PartitionedSession(model, backend, interp);
  const then = new Map<string, RuntimeValue>([['x', f32([1, 4], [1, 0, 0, 1])]]); // p = sigmoid(2.5): then
  const other = new Map<string, RuntimeValue>([['x', f32([1, 4], [0, 1, 0, 0])]]); // p = sigmoid(-1): else
  await expectInterp(session, model, then);
  await expectInterp(session, model, other);
  const branch = created.find((m) => m.graph.nodes.map((n) => n.op).join('+') === 'MatMul+Sigmoid' && m.graph.initializers.has('v'))!;
  expect(branch.graph.inputs.map((i) => i.name)).toEqual(['x']); // v is baked in, not fed
  ran.length = 0;
  await expectInterp(session, model, other);
  expect(ran).toEqual([['MatMul', 'Sigmoid', 'GreaterOrEqual']]); // the else branch handed %p over on the host
  const bodies = session.explain()!.bodies!.map((b) => `${b.body}: ${b.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`).join(' ')}`);
  expect(bodies).toEqual(["If 'If_y' then_branch: fake:MatMul+Sigmoid", "If 'If_y' else_branch: host:Identity"]);
});

test('Ifs nested in a branch that the shapes decide are replaced by their taken branch; the rest of the branch runs as one native partition', async () => {
  const nested = ir(`
    graph g (x: float32[1,3], c: bool[]) -> (y: ?) {
      y = If(c)
        then_branch:
        graph then () -> (t: ?) {
          init two: int64[] = [2]
          init m: float32[3,3] = [1,0,0, 0,2,0, 0,0,3]
          %s = Shape(x)
          %n = Size(%s)
          %rank2 = Equal(%n, two)
          %u = If(%rank2)
            then_branch:
            graph keep () -> (k: ?) {
              k = Sigmoid(x)
            }
            else_branch:
            graph flat () -> (f: ?) {
              f = Neg(x)
            }
          t = MatMul(%u, m)
        }
        else_branch:
        graph other () -> (o: ?) {
          o = Identity(x)
        }
    }`);
  const { backend } = fakeNative(['sigmoid_f32', 'mat_mul_f32', 'identity_f32']);
  const session = new PartitionedSession(nested, backend, interp);
  for (const c of [1, 0, 1]) await expectInterp(session, nested, new Map<string, RuntimeValue>([['x', f32([1, 3], values(3, 4))], ['c', fromNumbers('bool', [], [c])]]));
  const body = session.explain()!.bodies!.find((b) => b.body.endsWith('then_branch'))!;
  expect(body.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)).toEqual(['fake:Sigmoid+MatMul']);
  expect(body.inlined!.map((i) => i.branch)).toEqual(['then_branch']);
});

test('inside a body, nodes after an If whose output shape the data decides are split when reached, with the shapes it produced', async () => {
  const m = ir(`
    graph g (x: float32[2,3], c: bool[], d: bool[]) -> (y: ?) {
      init w: float32[3,2] = [1,2, 3,4, 5,6]
      y = If(c)
        then_branch:
        graph then () -> (t: ?) {
          %u = If(d)
            then_branch:
            graph same () -> (x: ?) {
            }
            else_branch:
            graph twice () -> (k: ?) {
              k = Concat(x, x) {axis=0}
            }
          %r = Relu(%u)
          t = MatMul(%r, w)
        }
        else_branch:
        graph other () -> (o: ?) {
          o = MatMul(x, w)
        }
    }`);
  const { backend, ran } = fakeNative(['relu_f32', 'mat_mul_f32']);
  const session = new PartitionedSession(m, backend, interp);
  const bool = (b: number) => fromNumbers('bool', [], [b]);
  for (const [c, d] of [[1, 1], [1, 0], [0, 0], [1, 0]]) {
    ran.length = 0;
    await expectInterp(session, m, new Map<string, RuntimeValue>([['x', f32([2, 3], values(6, 9))], ['c', bool(c!)], ['d', bool(d!)]]));
    expect(ran).toEqual([c ? ['Relu', 'MatMul'] : ['MatMul']]);
  }
  const tail = session.explain()!.bodies!.find((b) => b.body.includes('split when reached'))!;
  expect(tail.body).toBe("If 'If_y' then_branch, after 'If_u' (split when reached, with the shapes it produced)");
  expect(tail.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)).toEqual(['fake:Relu+MatMul']);
});

test('a Loop body whose carried value grows every iteration is planned a bounded number of times, then left to the interp', async () => {
  const m = ir(`
    graph g (x: float32[1,2], n: int64[]) -> (y: ?) {
      init yes: bool[] = [1]
      y = Loop(n, yes, x)
        body:
        graph body (i: int64[], cin: bool[], v: ?) -> (cout: ?, vout: ?) {
          cout = Identity(cin)
          %r = Relu(v)
          vout = Concat(%r, x) {axis=0}
        }
    }`);
  const { backend, created } = fakeNative(['relu_f32']);
  const session = new PartitionedSession(m, backend, interp);
  await expectInterp(session, m, new Map<string, RuntimeValue>([['x', f32([1, 2], [0.5, -1])], ['n', fromNumbers('int64', [], [100])]]));
  expect(created.length).toBeLessThan(40); // one probe and at most 32 shape sets, not one per iteration
});
