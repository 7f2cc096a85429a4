import { expect, test } from 'bun:test';
import { fuseMatMulAdd } from '../../src/passes/fuse-matmul-add';
import { dedent, expectSameOutputs, f32, ir, text, values } from './passes-support/build';

/** x · W + b with x of `dims`, W [3,2], the bias `b` and the Add's inputs `add`. */
const matmulAdd = (dims: string, { b = 'float32[2] = [0.25,-0.5]', add = '%m, b', outputs = 'y: ?' } = {}) =>
  ir(`
    graph g (x: float32[${dims}]) -> (${outputs}) {
      init W: float32[3,2] = [0.5,-1,2,0.25,-0.75,1.5]
      init b: ${b}
      %m = MatMul(x, W)
      y = Add(${add})
    }`);

test('MatMul(A[M,3], W[3,2]) + b[2] becomes Gemm(A, W, b), bias on either side of the Add', () => {
  for (const add of ['%m, b', 'b, %m']) {
    const before = matmulAdd('M,3', { add });
    const after = fuseMatMulAdd.run(before);
    expect(text(after)).toBe(dedent(`
      graph g (x: float32[M,3]) -> (y: ?) {
        init W: float32[3,2]
        init b: float32[2]
        y = Gemm(x, W, b)
      }`));
    expectSameOutputs(before, after, { x: f32([4, 3], values(12)) });
  }
});

test('left alone: a 3-D A, a bias that broadcasts to more rows, a MatMul result read twice', () => {
  const threeD = matmulAdd('2,4,3');
  expect(fuseMatMulAdd.run(threeD)).toBe(threeD);
  const wide = matmulAdd('1,3', { b: 'float32[4,2] = [1,2,3,4,5,6,7,8]' });
  expect(fuseMatMulAdd.run(wide)).toBe(wide);
  const shared = matmulAdd('4,3', { outputs: 'y: ?, m: ?', add: 'm, b' });
  expect(shared.graph.outputs.map((o) => o.name)).toEqual(['y', 'm']);
  expect(fuseMatMulAdd.run(shared)).toBe(shared);
});
