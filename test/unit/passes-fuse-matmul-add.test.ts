import { expect, test } from 'bun:test';
import { fuseMatMulAdd } from '../../src/passes/fuse-matmul-add';
import { expectSameOutputs, f32, model, node, text, values } from './passes-support/build';

const inits = { W: f32([3, 2], values(6, 3)), b: f32([2], [0.25, -0.5]) };

test('MatMul(A[M,3], W[3,2]) + b[2] becomes Gemm(A, W, b), bias on either side of the Add', () => {
  for (const addInputs of [['m', 'b'], ['b', 'm']]) {
    const before = model({ inputs: { x: ['M', 3] }, outputs: ['y'], inits, nodes: [node('MatMul', ['x', 'W'], ['m']), node('Add', addInputs, ['y'])] });
    const after = fuseMatMulAdd.run(before);
    expect(text(after)).toBe(['graph g (x: float32[M,3]) -> (y: ?) {', '  init W: float32[3,2]', '  init b: float32[2]', '  y = Gemm(x, W, b)', '}'].join('\n'));
    expectSameOutputs(before, after, { x: f32([4, 3], values(12)) });
  }
});

test('left alone: a 3-D A, a bias that broadcasts to more rows, a MatMul result read twice', () => {
  const threeD = model({ inputs: { x: [2, 4, 3] }, outputs: ['y'], inits, nodes: [node('MatMul', ['x', 'W'], ['m']), node('Add', ['m', 'b'], ['y'])] });
  expect(fuseMatMulAdd.run(threeD)).toBe(threeD);
  const wide = model({ inputs: { x: [1, 3] }, outputs: ['y'], inits: { ...inits, b: f32([4, 2], values(8)) }, nodes: [node('MatMul', ['x', 'W'], ['m']), node('Add', ['m', 'b'], ['y'])] });
  expect(fuseMatMulAdd.run(wide)).toBe(wide);
  const shared = model({ inputs: { x: [4, 3] }, outputs: ['y', 'm'], inits, nodes: [node('MatMul', ['x', 'W'], ['m']), node('Add', ['m', 'b'], ['y'])] });
  expect(fuseMatMulAdd.run(shared)).toBe(shared);
});
