import { describe, expect, test } from 'bun:test';
import { Tensor, float32Tensor, int64Tensor } from '../../src/ir/tensor';
import { compareTensors, multiIndex } from '../../src/runtime/compare/compare-tensors';
import { compareOutputs } from '../../src/runtime/compare/compare-outputs';

const tol = { rtol: 1e-3, atol: 1e-4 };
const f32 = (values: number[], dims = [values.length]) => float32Tensor(values, dims);

describe('compareTensors', () => {
  test('equal tensors: no mismatch, zero diffs', () => {
    const r = compareTensors(f32([1, 2, 3]), f32([1, 2, 3]), tol);
    expect(r).toMatchObject({ ok: true, dtypeOk: true, shapeOk: true, maxAbsDiff: 0, maxRelDiff: 0, mismatched: 0, total: 3 });
    expect(r.first).toBeUndefined();
  });

  test('allclose rule: |got - expected| <= atol + rtol*|expected|, both sides of the bound', () => {
    // expected 100: the bound is 1e-4 + 0.1 = 0.1001
    expect(compareTensors(f32([100]), f32([100.09]), tol).ok).toBe(true);
    expect(compareTensors(f32([100]), f32([100.2]), tol).ok).toBe(false);
    // expected 0: only atol applies
    expect(compareTensors(f32([0]), f32([5e-5]), tol).ok).toBe(true);
    expect(compareTensors(f32([0]), f32([5e-4]), tol).ok).toBe(false);
  });

  test('the first mismatch is a multi-index with both values, and the diffs are the largest ones', () => {
    const e = f32([1, 2, 3, 4, 5, 6], [2, 3]);
    const g = f32([1, 2, 3, 4, 7, 9], [2, 3]);
    const r = compareTensors(e, g, tol);
    expect(r.mismatched).toBe(2);
    expect(r.first).toEqual({ index: [1, 1], expected: 5, got: 7 });
    expect(r.maxAbsDiff).toBe(3);
    expect(r.maxRelDiff).toBe(0.5);
  });

  test('NaN equals NaN; NaN against a number differs', () => {
    expect(compareTensors(f32([NaN, 1]), f32([NaN, 1]), tol).ok).toBe(true);
    const r = compareTensors(f32([NaN, 1]), f32([0, 1]), tol);
    expect(r.mismatched).toBe(1);
    expect(r.first!.index).toEqual([0]);
  });

  test('Inf equals only the same Inf', () => {
    expect(compareTensors(f32([Infinity, -Infinity]), f32([Infinity, -Infinity]), tol).ok).toBe(true);
    expect(compareTensors(f32([Infinity]), f32([-Infinity]), tol).mismatched).toBe(1);
    expect(compareTensors(f32([Infinity]), f32([3e38]), tol).mismatched).toBe(1);
  });

  test('a shape or dtype difference fails the whole tensor without comparing values', () => {
    const shape = compareTensors(f32([1, 2, 3, 4], [2, 2]), f32([1, 2, 3, 4], [4]), tol);
    expect(shape).toMatchObject({ ok: false, shapeOk: false, dtypeOk: true, mismatched: 4 });
    const dtype = compareTensors(f32([1, 2]), new Tensor('float64', [2], Float64Array.from([1, 2])), tol);
    expect(dtype).toMatchObject({ ok: false, dtypeOk: false, expectedDtype: 'float32', gotDtype: 'float64' });
  });

  test('integers compare exactly, whatever the tolerance; int64 beyond 2^53 as bigints', () => {
    const i32 = (v: number[]) => new Tensor('int32', [v.length], Int32Array.from(v));
    expect(compareTensors(i32([1000]), i32([1001]), { rtol: 0.1, atol: 10 }).ok).toBe(false);
    const big = 2n ** 60n;
    const a = new Tensor('int64', [1], BigInt64Array.from([big]));
    const b = new Tensor('int64', [1], BigInt64Array.from([big + 1n]));
    const r = compareTensors(a, b, tol);
    expect(r.mismatched).toBe(1);
    expect(r.first).toEqual({ index: [0], expected: String(big), got: String(big + 1n) });
    expect(compareTensors(int64Tensor([1, 2]), int64Tensor([1, 2]), tol).ok).toBe(true);
  });

  test('bool compares exactly', () => {
    const b = (v: number[]) => new Tensor('bool', [v.length], Uint8Array.from(v));
    expect(compareTensors(b([1, 0]), b([1, 0]), tol).ok).toBe(true);
    expect(compareTensors(b([1, 0]), b([1, 1]), tol).first).toEqual({ index: [1], expected: 0, got: 1 });
  });

  test('multiIndex is row-major', () => {
    expect(multiIndex(0, [])).toEqual([]);
    expect(multiIndex(5, [2, 3])).toEqual([1, 2]);
    expect(multiIndex(13, [2, 3, 4])).toEqual([1, 0, 1]);
  });
});

describe('compareOutputs', () => {
  test('a reference entry not produced is missing, an output not in the reference is extra', () => {
    const r = compareOutputs(new Map([['a', f32([1])], ['gone', f32([1])]]), new Map([['a', f32([1])], ['new', f32([2])]]), tol);
    expect(r.ok).toBe(false);
    expect(r.outputs.map((o) => [o.name, o.status, o.ok])).toEqual([['a', 'compared', true], ['new', 'extra', false], ['gone', 'missing', false]]);
  });
});
