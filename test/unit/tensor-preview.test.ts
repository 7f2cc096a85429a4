import { expect, test } from 'bun:test';
import { previewTensor } from '../../src/cli/ui/tensor-preview';
import { fromNumbers, Tensor } from '../../src/ir/tensor';

// Expected strings are worked out by hand from numpy's printing rules (numpy/core/arrayprint.py, default
// options: linewidth 75, precision 8 in "maxprec" mode with unique round-trip digits of the dtype,
// threshold 1000, edgeitems 3, suppress False), i.e. what `print(arr)` shows. Each comment gives the rule.

const f32 = (dims: number[], values: number[]) => fromNumbers('float32', dims, values);
const f64 = (dims: number[], values: number[]) => fromNumbers('float64', dims, values);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

test('fixed point aligns decimal points like numpy', () => {
  expect(previewTensor(f32([2, 3], [1.5, 0, 3.5, 0, 5.5, 0]))).toBe('[[1.5 0.  3.5]\n [0.  5.5 0. ]]');
  // Blocks of a 3-D array are separated by a blank line; widths come from the longest integer/fraction.
  expect(previewTensor(f64([2, 3, 4], range(24).map((i) => i / 4)))).toBe(
    '[[[0.   0.25 0.5  0.75]\n  [1.   1.25 1.5  1.75]\n  [2.   2.25 2.5  2.75]]\n\n [[3.   3.25 3.5  3.75]\n  [4.   4.25 4.5  4.75]\n  [5.   5.25 5.5  5.75]]]',
  );
});

test('up to 8 digits after the point, shortest digits that round-trip in the dtype', () => {
  // float32 0.00011628: ≥ 1e-4, so fixed point; its shortest float32 digits need 8 decimals.
  expect(previewTensor(f32([1, 1], [0.00011628]))).toBe('[[0.00011628]]');
  // float64 1/3 needs 16 digits to round-trip: cut at 8 decimals and rounded.
  expect(previewTensor(f64([2], [1 / 3, 2 / 3]))).toBe('[0.33333333 0.66666667]');
});

test('scientific when min < 1e-4, max/min > 1e3 or max ≥ the cutoff; exponents have 2 digits', () => {
  // min 1e-5 < 1e-4. Unique digits: "1", "1", "3": no fraction digits, "1.e+00".
  expect(previewTensor(f32([3], [1, 1e-5, 3]))).toBe('[1.e+00 1.e-05 3.e+00]');
  // max/min = 1500 > 1000; the longest fraction (1.5 → "5") sets one digit for all.
  expect(previewTensor(f64([2], [1500, 1]))).toBe('[1.5e+03 1.0e+00]');
  // max/min = 1000 is not > 1000: fixed point, right-aligned on the point.
  expect(previewTensor(f64([2], [1000, 1]))).toBe('[1000.    1.]');
  // float64: max ≥ 1e8 switches, 2e7 does not.
  expect(previewTensor(f64([2], [1e8, 2e8]))).toBe('[1.e+08 2.e+08]');
  expect(previewTensor(f64([2], [1e7, 2e7]))).toBe('[10000000. 20000000.]');
  // Since numpy 2.3 the cutoff is 10^min(8, digits of the dtype): 1e6 for float32.
  expect(previewTensor(f32([2], [1e6, 2e6]))).toBe('[1.e+06 2.e+06]');
  // Mantissas padded to the longest fraction (6 digits for float32 2/3 = 6.666667e-01) with further digits of
  // the value: float32 1e-5 is 9.99999974…e-06, whose 7-digit form rounds up (9.999999e-06 would not read
  // back as the same float32) to 1.000000e-05.
  expect(previewTensor(f32([2], [2 / 3, 1e-5]))).toBe('[6.666667e-01 1.000000e-05]');
});

test('ties round to even (Dragon4), nan/inf and -0 keep the columns', () => {
  // float16 43.125: 43.1 does not read back, and 43.12|5 is a tie: to even → 43.12 (JS would say 43.13).
  expect(previewTensor(fromNumbers('float16', [2], [43.125, 1]))).toBe('[43.12  1.  ]');
  // pad_left grows to fit '-inf' next to fraction width 1.
  expect(previewTensor(f32([4], [NaN, -Infinity, 1.5, 2]))).toBe('[ nan -inf  1.5  2. ]');
  expect(previewTensor(f64([2], [-0, 1.5]))).toBe('[-0.   1.5]');
});

test('rows wrap at 75 characters (or the given width) with a one-space hanging indent', () => {
  // Words ' 0.'..'29.' (3 chars + a space): '[' + 18 words fits in 74 (75 less the closing bracket).
  expect(previewTensor(f32([30], range(30)))).toBe(
    '[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. 15. 16. 17.\n 18. 19. 20. 21. 22. 23. 24. 25. 26. 27. 28. 29.]',
  );
  const ints = fromNumbers('int32', [30], range(30));
  expect(previewTensor(ints)).toBe('[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n 24 25 26 27 28 29]');
  // Width 40: 13 words of 3 characters per line.
  expect(previewTensor(ints, { lineWidth: 40 })).toBe('[ 0  1  2  3  4  5  6  7  8  9 10 11 12\n 13 14 15 16 17 18 19 20 21 22 23 24 25\n 26 27 28 29]');
  for (const line of previewTensor(f64([200], range(200).map((i) => i / 7))).split('\n')) expect(line.length).toBeLessThanOrEqual(75);
});

test('more than 1000 elements are summarized with ... (3 edge items), widths from the shown ones', () => {
  expect(previewTensor(fromNumbers('int64', [2000], range(2000)))).toBe('[   0    1    2 ... 1997 1998 1999]');
  expect(previewTensor(fromNumbers('int64', [40, 50], range(2000)))).toBe(
    '[[   0    1    2 ...   47   48   49]\n [  50   51   52 ...   97   98   99]\n [ 100  101  102 ...  147  148  149]\n ...\n' +
      ' [1850 1851 1852 ... 1897 1898 1899]\n [1900 1901 1902 ... 1947 1948 1949]\n [1950 1951 1952 ... 1997 1998 1999]]',
  );
  const big = new Tensor('float32', [1000, 1000], new Float32Array(1_000_000).fill(1));
  const text = previewTensor(big);
  expect(text.split('\n').length).toBe(7); // 3 rows, '...', 3 rows
  expect(text.startsWith('[[1. 1. 1. ... 1. 1. 1.]')).toBe(true);
});

test('integers, bools, strings and 0-d tensors', () => {
  expect(previewTensor(fromNumbers('int32', [3], [1, -20, 3]))).toBe('[  1 -20   3]');
  // int64 exactly, not through a double.
  expect(previewTensor(new Tensor('int64', [2], BigInt64Array.from([2n ** 62n + 1n, -3n])))).toBe('[4611686018427387905                  -3]');
  // Bools are always 5 wide: ' True'.
  expect(previewTensor(fromNumbers('bool', [2], [1, 0]))).toBe('[ True False]');
  expect(previewTensor(fromNumbers('bool', [2], [1, 1]))).toBe('[ True  True]');
  // Strings as Python's repr, unpadded.
  expect(previewTensor(new Tensor('string', [2], ['a', "it's"]))).toBe('[\'a\' "it\'s"]');
  // Control characters as Python's repr writes them (repr('a\x1b[31m') is 'a\\x1b[31m'): a terminal escape stays text.
  expect(previewTensor(new Tensor('string', [2], ['a\x1b[31m', '\x07\x7f\x85']))).toBe("['a\\x1b[31m' '\\x07\\x7f\\x85']");
  // A 0-d array prints as its scalar: str(np.float32(2)) is '2.0', str(1e-05) uses 2 exponent digits.
  expect(previewTensor(f32([], [2]))).toBe('2.0');
  expect(previewTensor(f64([], [1e-5]))).toBe('1e-05');
  expect(previewTensor(fromNumbers('int64', [], [7]))).toBe('7');
});
