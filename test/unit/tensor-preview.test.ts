import { expect, test } from 'bun:test';
import { previewTensor } from '../../src/cli/ui/tensor-preview';
import { fromNumbers, Tensor } from '../../src/ir/tensor';

// Expected strings are what numpy 1.x prints for the same arrays (np.set_printoptions(precision=4)).
test('fixed point aligns decimal points like numpy', () => {
  expect(previewTensor(fromNumbers('float32', [2, 3], [1.5, 0, 3.5, 0, 5.5, 0]))).toBe('[[1.5 0.  3.5]\n [0.  5.5 0. ]]');
});
test('integers, bools and a scalar', () => {
  expect(previewTensor(fromNumbers('int32', [3], [1, -20, 3]))).toBe('[  1 -20   3]');
  expect(previewTensor(fromNumbers('bool', [2], [1, 0]))).toBe('[ True False]');
  expect(previewTensor(fromNumbers('float32', [], [2]))).toBe('2.');
});
test('more than 1000 elements are summarized with ... and stay cheap for a million', () => {
  const big = new Tensor('float32', [1000, 1000], new Float32Array(1_000_000).fill(1));
  const text = previewTensor(big);
  expect(text.split('\n').length).toBe(7); // 3 rows, '...', 3 rows
  expect(text.startsWith('[[1. 1. 1. ... 1. 1. 1.]')).toBe(true);
  expect(text).toContain(' ...\n');
});
