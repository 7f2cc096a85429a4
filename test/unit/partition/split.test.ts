/** The graph splitter (src/runtime/partition/split.ts) on IR text models: runs, reads, outputs, fallback reasons. */
import { describe, expect, test } from 'bun:test';
import type { Model } from '../../../src/ir/graph';
import { Tensor } from '../../../src/ir/tensor';
import { feedShapesKey, inferWithFeeds } from '../../../src/runtime/partition/facts';
import { partitionNodes } from '../../../src/runtime/partition/split';
import { anyNodeNative, type NativeTarget } from '../../../src/runtime/partition/support';
import { f32, ir } from '../passes-support/build';

const cpu: NativeTarget = { name: 'cpu', kernels: ['mat_mul_f32', 'relu_f32', 'add_f32', 'conv_f32'] };

function split(m: Model, feeds: Record<string, Tensor> = {}, target = cpu) {
  const { facts, remaining } = inferWithFeeds(m, new Map(Object.entries(feeds)));
  return partitionNodes(remaining, facts, m.graph.outputs.map((o) => o.name), target);
}
const shape = (plan: ReturnType<typeof split>) => plan.partitions.map((p) => `${p.backend}:${p.nodes.map((n) => n.op).join('+')}`);

describe('partitionNodes', () => {
  test('supported runs around an unsupported op: two native partitions and one interp, wired by their reads', () => {
    const m = ir(`
      graph g (x: float32[2,4]) -> (y: ?) {
        init w: float32[4,4] = [1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1]
        %a = MatMul(x, %w)
        %r = Relu(%a)
        %e = Erf(%r)
        y = MatMul(%e, %w)
      }`);
    const plan = split(m);
    expect(shape(plan)).toEqual(['native:MatMul+Relu', 'interp:Erf', 'native:MatMul']);
    const [p0, p1, p2] = plan.partitions;
    expect([p0!.inputs, p0!.constants, p0!.outputs]).toEqual([['x'], ['w'], ['r']]);
    expect([p1!.inputs, p1!.constants, p1!.outputs]).toEqual([['r'], [], ['e']]);
    expect([p2!.inputs, p2!.constants, p2!.outputs]).toEqual([['e'], ['w'], ['y']]);
    expect(plan.fallbacks).toEqual([{ node: plan.partitions[1]!.nodes[0]!.name, op: 'Erf', reason: "cpu has no kernel for Erf ('erf_f32')" }]);
  });

  test('a value read inside its partition and by a later one is an output once; a graph output read later too', () => {
    const m = ir(`
      graph g (x: float32[3]) -> (y: ?, r: ?) {
        %r = Relu(x)
        %s = Add(%r, %r)
        %e = Erf(%s)
        y = Add(%e, %r)
      }`);
    const plan = split(m);
    expect(shape(plan)).toEqual(['native:Relu+Add', 'interp:Erf', 'native:Add']);
    expect(plan.partitions[0]!.outputs).toEqual(['r', 's']);
    expect(plan.partitions[2]!.inputs).toEqual(['e', 'r']);
  });

  test('a dynamic dim stays on the interp until the feeds make it static', () => {
    const m = ir(`
      graph g (x: float32[N,4]) -> (y: ?) {
        y = Relu(x)
      }`);
    const unfed = split(m);
    expect(shape(unfed)).toEqual(['interp:Relu']);
    expect(unfed.fallbacks[0]!.reason).toBe("value 'x' has no static shape ([N,4])");
    expect(shape(split(m, { x: f32([2, 4], [1, 2, 3, 4, 5, 6, 7, 8]) }))).toEqual(['native:Relu']);
  });

  test('a dtype without its kernel falls back, naming the kernels of that op it has', () => {
    const m = ir(`
      graph g (x: int64[3], y: int64[3]) -> (z: ?) {
        z = Add(x, y)
      }`);
    const plan = split(m);
    expect(shape(plan)).toEqual(['interp:Add']);
    expect(plan.fallbacks[0]!.reason).toBe("cpu has no kernel 'add_i64' (it has add_f32)");
    expect(shape(split(m, {}, { ...cpu, kernels: ['add_i64'] }))).toEqual(['native:Add']);
  });

  test('If stays on the interp; what its branches read from outside is read by its partition', () => {
    const m = ir(`
      graph g (x: float32[3], c: bool[]) -> (b: ?, y: ?) {
        %h = Relu(x)
        b = If(c)
          then_branch:
          graph then () -> (t: ?) {
            t = Relu(%h)
          }
          else_branch:
          graph else () -> (e: ?) {
            e = Identity(%h)
          }
        y = Add(%h, x)
      }`);
    const plan = split(m);
    expect(shape(plan)).toEqual(['native:Relu', 'interp:If', 'native:Add']);
    expect(plan.partitions[0]!.outputs).toEqual(['h']);
    expect(plan.partitions[1]!.inputs).toEqual(['c', 'h']);
    expect(plan.partitions[2]!.inputs).toEqual(['h', 'x']);
    expect(plan.fallbacks[0]!.reason).toBe('control flow (If) is run by the host, not a backend (its bodies are listed apart)');
  });

  test('nodes folded to constants need no backend; their values are constants of the partition reading them', () => {
    const m = ir(`
      graph g (x: float32[2]) -> (y: ?) {
        init a: float32[2] = [1,2]
        %two = Add(%a, %a)
        y = Add(x, %two)
      }`);
    const { remaining } = inferWithFeeds(m, new Map());
    expect(remaining.length).toBe(1);
    const plan = split(m);
    expect(shape(plan)).toEqual(['native:Add']);
    expect([plan.partitions[0]!.inputs, plan.partitions[0]!.constants]).toEqual([['x'], ['two']]);
  });
});

test('anyNodeNative looks by op name, into If bodies too', () => {
  const flat = ir(`
    graph g (x: float32[3]) -> (y: ?) {
      y = Erf(x)
    }`);
  expect(anyNodeNative(flat, cpu.kernels)).toBe(false);
  expect(anyNodeNative(flat, ['erf_f32'])).toBe(true);
  const body = ir(`
    graph g (x: float32[3], c: bool[]) -> (y: ?) {
      y = If(c)
        then_branch:
        graph then () -> (t: ?) {
          t = Relu(x)
        }
        else_branch:
        graph else () -> (e: ?) {
          e = Erf(x)
        }
    }`);
  expect(anyNodeNative(body, cpu.kernels)).toBe(true);
});

test('feedShapesKey: same shapes, same key, whatever the values or order', () => {
  const a = feedShapesKey(new Map([['x', f32([2], [1, 2])], ['y', f32([1], [0])]]));
  expect(feedShapesKey(new Map([['y', f32([1], [5])], ['x', f32([2], [3, 4])]]))).toBe(a);
  expect(feedShapesKey(new Map([['x', f32([3], [1, 2, 3])], ['y', f32([1], [0])]]))).not.toBe(a);
});
