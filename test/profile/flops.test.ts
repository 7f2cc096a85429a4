/** FLOP counts, each checked against a count worked out by hand in the test's comment. */
import { expect, test } from 'bun:test';
import { flopCount } from '../../src/runtime/profile/flops';

test('Conv: 2 · output elements · (C_in/group · kernel), plus one add per output for the bias', () => {
  // X [1,3,8,8], W [16,3,3,3], Y [1,16,6,6]: 576 outputs · 27 MACs · 2 = 31104; bias adds 576.
  expect(flopCount({ op: 'Conv' }, [[1, 3, 8, 8], [16, 3, 3, 3]], [[1, 16, 6, 6]])).toBe(31104);
  expect(flopCount({ op: 'Conv' }, [[1, 3, 8, 8], [16, 3, 3, 3], [16]], [[1, 16, 6, 6]])).toBe(31680);
  // Depthwise: group 8, W [8,1,3,3], Y [1,8,4,4]: 128 outputs · 9 · 2 = 2304.
  expect(flopCount({ op: 'Conv' }, [[1, 8, 6, 6], [8, 1, 3, 3]], [[1, 8, 4, 4]])).toBe(2304);
});

test('ConvTranspose: 2 · input elements · (C_out/group · kernel)', () => {
  // X [1,4,5,5] = 100 elements, W [4,2,3,3]: each scatters into 18 → 3600.
  expect(flopCount({ op: 'ConvTranspose' }, [[1, 4, 5, 5], [4, 2, 3, 3]], [[1, 2, 11, 11]])).toBe(3600);
});

test('MatMul and Gemm: 2·M·N·K (batched MatMul counts every batch); Gemm C adds M·N', () => {
  expect(flopCount({ op: 'MatMul' }, [[2, 3], [3, 4]], [[2, 4]])).toBe(48); // 2·2·4·3
  expect(flopCount({ op: 'MatMul' }, [[5, 2, 3], [3, 4]], [[5, 2, 4]])).toBe(240); // 5 batches of 48
  expect(flopCount({ op: 'Gemm' }, [[6, 10], [10, 7]], [[6, 7]])).toBe(840); // 2·6·7·10
  expect(flopCount({ op: 'Gemm' }, [[6, 10], [10, 7], [7]], [[6, 7]])).toBe(882); // + 42
  // transA: A is [K, M] = [10, 6].
  expect(flopCount({ op: 'Gemm', attributes: { transA: { type: 'int', value: 1 } } }, [[10, 6], [10, 7]], [[6, 7]])).toBe(840);
});

test('LSTM/GRU: 2 · seq · batch · dirs · gates·H · (input + H)', () => {
  // LSTM seq 5, batch 2, input 8, H 16, one direction: W [1,64,8], R [1,64,16] → 2·5·2·64·24 = 30720.
  expect(flopCount({ op: 'LSTM' }, [[5, 2, 8], [1, 64, 8], [1, 64, 16]], [])).toBe(30720);
  // GRU bidirectional, layout 1 (X [batch 3, seq 4, input 2]), H 5: W [2,15,2], R [2,15,5] → 2·4·3·2·15·7 = 5040.
  expect(flopCount({ op: 'GRU', attributes: { layout: { type: 'int', value: 1 } } }, [[3, 4, 2], [2, 15, 2], [2, 15, 5]], [])).toBe(5040);
});

test('Einsum with two plain operands: 2 · the product of the distinct index sizes; ellipsis has no count', () => {
  const eq = (value: string) => ({ op: 'Einsum', attributes: { equation: { type: 'string' as const, value } } });
  expect(flopCount(eq('bij,bjk->bik'), [[2, 3, 4], [2, 4, 5]], [[2, 3, 5]])).toBe(240); // 2·(2·3·4·5)
  expect(flopCount(eq('...ij,...jk->...ik'), [[2, 3, 4], [2, 4, 5]], [[2, 3, 5]])).toBeUndefined();
});

test('elementwise: 1 per output element; reductions: 1 per input element; pooling: 1 per window element', () => {
  expect(flopCount({ op: 'Add' }, [[4, 5], [5]], [[4, 5]])).toBe(20);
  expect(flopCount({ op: 'Relu' }, [[3, 3]], [[3, 3]])).toBe(9);
  expect(flopCount({ op: 'ReduceMean' }, [[4, 6]], [[4, 1]])).toBe(24);
  // MaxPool 2x2 over [1,3,8,8] → [1,3,4,4]: 48 outputs · 4 = 192.
  expect(flopCount({ op: 'MaxPool', attributes: { kernel_shape: { type: 'ints', value: [2, 2] } } }, [[1, 3, 8, 8]], [[1, 3, 4, 4]])).toBe(192);
  expect(flopCount({ op: 'GlobalAveragePool' }, [[1, 3, 8, 8]], [[1, 3, 1, 1]])).toBe(192);
});

test('ops without a count, and unknown shapes, give undefined', () => {
  expect(flopCount({ op: 'Reshape' }, [[2, 3], [1]], [[6]])).toBeUndefined();
  expect(flopCount({ op: 'If' }, [[]], [])).toBeUndefined();
  expect(flopCount({ op: 'Conv' }, [[1, 3, 8, 8], null], [[1, 16, 6, 6]])).toBeUndefined();
  expect(flopCount({ op: 'Add' }, [], [])).toBeUndefined();
});
