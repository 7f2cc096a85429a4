/**
 * Types through control flow in the shared inference engine (src/passes/analysis/infer-values.ts, body-facts.ts):
 * If/Loop/Scan outputs typed from their bodies inferred with the enclosing facts, and an If whose condition folds
 * to a constant replaced by its taken branch (inlineIfs), whose nodes then compute what the If did.
 */
import { expect, test } from 'bun:test';
import { Executor } from '../../src/backends/interp/executor';
import type { Model } from '../../src/ir/graph';
import type { Tensor } from '../../src/ir/tensor';
import { inferValues } from '../../src/passes/analysis/infer-values';
import { compareTensor } from '../ops/harness';
import { f32, ir, values } from './passes-support/build';

const fact = (m: Model, name: string, options = {}) => {
  const f = inferValues(m, options).facts.get(name);
  return `${f?.dtype ?? '?'}[${f?.shape?.join(',') ?? '*'}]`;
};

test('an If with undeclared branch outputs: the dtype and the dims both branches agree on', () => {
  const m = ir(`
    graph g (x: float32[2,3], c: bool[]) -> (y: ?, z: ?) {
      y, z = If(c)
        then_branch:
        graph then () -> (t: ?, u: ?) {
          t = Relu(x)
          u = Concat(x, x) {axis=0}
        }
        else_branch:
        graph else () -> (e: ?, f: ?) {
          %s = Sigmoid(x)
          e = Neg(%s)
          f = Identity(x)
        }
    }`);
  expect(fact(m, 'y')).toBe('float32[2,3]');
  expect(fact(m, 'z')).toBe('float32[?,3]'); // [4,3] or [2,3]
});

test('a Loop: a carried value of fixed shape stays static, one that grows loses that dim, scan outputs stack', () => {
  const m = ir(`
    graph g (x: float32[1,4], n: int64[]) -> (a: ?, b: ?, s: ?) {
      init t: bool[] = [1]
      a, b, s = Loop(n, t, x, x)
        body:
        graph body (i: int64[], c: bool[], acc: ?, grow: ?) -> (c2: ?, acc2: ?, grow2: ?, slice: ?) {
          c2 = Identity(c)
          acc2 = Add(acc, x)
          grow2 = Concat(grow, x) {axis=0}
          slice = Relu(acc)
        }
    }`);
  expect(fact(m, 'a')).toBe('float32[1,4]');
  expect(fact(m, 'b')).toBe('float32[?,4]');
  expect(fact(m, 's')).toBe('float32[?,1,4]');
});

test('a Scan body sees each scan input without its scan axis', () => {
  const m = ir(`
    graph g (h: float32[3], xs: float32[5,3]) -> (hn: ?, ys: ?) {
      hn, ys = Scan(h, xs) {num_scan_inputs=1}
        body:
        graph body (hp: ?, x: ?) -> (hq: ?, y: ?) {
          hq = Add(hp, x)
          y = Mul(hq, x)
        }
    }`);
  expect(fact(m, 'hn')).toBe('float32[3]');
  expect(fact(m, 'ys')).toBe('float32[5,3]'); // one slice per row of xs
});

test('a Loop without a cond input runs exactly M times: a constant M is its scan outputs\' length', () => {
  const loop = (cond: string) => ir(`
    graph g (x: float32[2], c: bool[]) -> (v: ?, s: ?) {
      init m: int64[] = [4]
      v, s = Loop(m, ${cond}, x)
        body:
        graph body (i: int64[], cin: bool[], h: ?) -> (cout: ?, h2: ?, out: ?) {
          cout = Identity(cin)
          h2 = Neg(h)
          out = Relu(h2)
        }
    }`);
  expect(fact(loop('_'), 's')).toBe('float32[4,2]');
  expect(fact(loop('c'), 's')).toBe('float32[?,2]'); // the body may stop it early
  expect(fact(loop('_'), 'v')).toBe('float32[2]');
});

// The condition folds once x's shape is known: `if x.shape[1] == 3` as exporters write it.
const shapeIf = ir(`
  graph g (x: float32[2,3]) -> (y: ?, z: ?) {
    %s = Shape(x)
    init one: int64[] = [1]
    init three: int64[] = [3]
    %d = Gather(%s, one) {axis=0}
    %c = Equal(%d, three)
    %y0, z = If(%c)
      then_branch:
      graph then () -> (t: ?, x: ?) {
        init k: float32[] = [2]
        %m = Mul(x, k)
        t = Sigmoid(%m)
      }
      else_branch:
      graph else () -> (e: ?, x: ?) {
        e = Identity(x)
      }
    y = Neg(%y0)
  }`);

test('inlineIfs: an If whose condition folds is replaced by its taken branch, renamed to produce the If outputs', () => {
  const { facts, remaining, inlined } = inferValues(shapeIf, { fold: true, inlineIfs: true });
  expect(inlined).toEqual([{ node: shapeIf.graph.nodes[3]!.name, branch: 'then_branch' }]);
  expect(remaining.map((n) => `${n.op}(${n.inputs.join(',')})->${n.outputs.join(',')}`)).toEqual([
    'Mul(x,k)->m',
    'Sigmoid(m)->y0', // the branch output t, renamed
    'Identity(x)->z', // the branch returns an outer value: an Identity stands in
    'Neg(y0)->y',
  ]);
  expect(facts.get('y0')?.shape).toEqual([2, 3]);
  expect(facts.get('k')?.value).toBeDefined(); // the branch's folded constant is a fact the partition bakes in
  // Without inlineIfs the If stays, typed from the taken branch.
  const kept = inferValues(shapeIf, { fold: true });
  expect(kept.remaining.map((n) => n.op)).toEqual(['If', 'Neg']);
  expect(kept.facts.get('y')?.shape).toEqual([2, 3]);
});

test('inlineIfs: the inlined nodes compute what the If did', () => {
  const { facts, remaining } = inferValues(shapeIf, { fold: true, inlineIfs: true });
  const initializers = new Map<string, Tensor>();
  for (const n of remaining) for (const i of n.inputs) if (facts.get(i)?.value) initializers.set(i, facts.get(i)!.value!);
  const flat: Model = { ...shapeIf, graph: { ...shapeIf.graph, nodes: remaining, initializers } };
  const feeds = new Map([['x', f32([2, 3], values(6, 7))]]);
  const want = new Executor(shapeIf).run(feeds);
  const got = new Executor(flat).run(feeds);
  for (const name of ['y', 'z']) expect(compareTensor(got.get(name) as Tensor, want.get(name) as Tensor, 0, 0)).toBeNull();
});

test('inlineIfs leaves an If whose branch defines a name already used around it, and one whose condition is a feed', () => {
  const clash = ir(`
    graph g (x: float32[2]) -> (y: ?, a: ?) {
      init c: bool[] = [1]
      a = Relu(x)
      y = If(c)
        then_branch:
        graph then () -> (a: ?) {
          a = Neg(x)
        }
        else_branch:
        graph else () -> (x: ?) {
        }
    }`);
  expect(inferValues(clash, { fold: true, inlineIfs: true }).remaining.map((n) => n.op)).toEqual(['Relu', 'If']);
  const fed = ir(`
    graph g (x: float32[2], c: bool[]) -> (y: ?) {
      y = If(c)
        then_branch:
        graph then () -> (t: ?) {
          t = Neg(x)
        }
        else_branch:
        graph else () -> (x: ?) {
        }
    }`);
  const r = inferValues(fed, { fold: true, inlineIfs: true });
  expect(r.remaining.map((n) => n.op)).toEqual(['If']);
  expect(r.facts.get('y')).toEqual({ dtype: 'float32', shape: [2] });
});
