import { expect, test } from 'bun:test';
import { verifyModel } from '../../src/ir/verifier';
import { PASSES, optimize } from '../../src/passes/pipeline';
import { dedent, expectSameOutputs, f32, ir, text, values } from './passes-support/build';

// Shape-computing Reshape (Shape → Gather → Concat, foldable on a static input), an Identity, a MatMul + bias.
const before = ir(`
  graph g (x: float32[4,3]) -> (y: ?) {
    init W: float32[3,2] = [0.5,-1,2,0.25,-0.75,1.5]
    init b: float32[2] = [1,2]
    init i0: int64[] = [0]
    init minus1: int64[1] = [-1]
    init zero: int64[1] = [0]
    %sh = Shape(x)
    %n = Gather(%sh, i0)
    %n1 = Unsqueeze(%n, zero)
    %target = Concat(%n1, minus1) {axis=0}
    %r = Reshape(x, %target)
    %r2 = Identity(%r)
    %m = MatMul(%r2, W)
    y = Add(%m, b)
  }`);

test('-O0 returns the model itself when it has no functions and no Gradient', () => {
  expect(optimize(before, 0)).toBe(before);
});

test('every pass names itself; -O0 holds only what a model needs to run, -O1 and -O2 add the optimizations', () => {
  const at = (level: number) => PASSES.filter((p) => p.level === level).map((p) => p.name);
  expect(at(0)).toEqual(['inline-functions', 'expand-gradient']);
  expect(at(1)).toEqual(['fold-constants', 'eliminate-identity', 'eliminate-dead-code']);
  expect(at(2)).toEqual(['fold-batchnorm-into-conv', 'fuse-matmul-add', 'fuse-layer-norm', 'fuse-gelu', 'eliminate-dead-code']);
  expect(at(3)).toEqual([]);
});

test('-O1 folds the shape computation, drops the no-op Reshape and the Identity; -O2 also fuses to Gemm', () => {
  const passes: string[] = [];
  const o1 = optimize(before, 1, { afterPass: (p, m) => (verifyModel(m), passes.push(p.name)) });
  expect(passes).toEqual(['inline-functions', 'expand-gradient', 'fold-constants', 'eliminate-identity', 'eliminate-dead-code']);
  expect(text(o1)).toBe(dedent(`
    graph g (x: float32[4,3]) -> (y: ?) {
      init W: float32[3,2]
      init b: float32[2]
      %m = MatMul(x, W)
      y = Add(%m, b)
    }`));
  const o2 = optimize(before, 2, { afterPass: (_, m) => verifyModel(m) });
  expect(text(o2)).toBe(dedent(`
    graph g (x: float32[4,3]) -> (y: ?) {
      init W: float32[3,2]
      init b: float32[2]
      y = Gemm(x, W, b)
    }`));
  expectSameOutputs(before, o1, { x: f32([4, 3], values(12)) });
  expectSameOutputs(before, o2, { x: f32([4, 3], values(12)) });
});
