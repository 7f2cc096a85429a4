import { describe, expect, test } from 'bun:test';
import { HoduError } from '../../src/errors';
import { checkFillFits, fillTensor, parseFillSpec, planFills } from '../../src/runtime/fill-spec';
import { literalItems, literalTensor } from '../../src/runtime/input-value';
import { toNumbers } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as HoduError).code;
  }
  return 'no error';
}

describe('parseFillSpec', () => {
  test('named, bare and * specs', () => {
    expect(parseFillSpec('x=uniform:-1:1')).toEqual({ target: 'x', fill: { kind: 'uniform', lo: -1, hi: 1 } });
    expect(parseFillSpec('normal:0:1')).toEqual({ target: '*', fill: { kind: 'normal', mean: 0, std: 1 } });
    expect(parseFillSpec('*=zeros')).toEqual({ target: '*', fill: { kind: 'zeros' } });
    expect(parseFillSpec('input:0=int:0:5')).toEqual({ target: 'input:0', fill: { kind: 'int', lo: 0, hi: 5 } });
  });
  test('malformed specs are E_USAGE', () => {
    for (const bad of ['=zeros', 'x=zeros:1', 'x=uniform', 'x=uniform:a:1', 'x=int:1:0', 'x=', 'x=uniform:0:inf']) expect(code(() => parseFillSpec(bad))).toBe('E_USAGE');
  });
});

describe('fills and dtypes', () => {
  test('what fits which dtype', () => {
    const fits = (dtype: Parameters<typeof checkFillFits>[1], spec: string) => code(() => checkFillFits('x', dtype, parseFillSpec(spec).fill));
    expect(fits('float16', 'normal:0:1')).toBe('no error');
    expect(fits('bfloat16', 'uniform:0:1')).toBe('no error');
    expect(fits('int32', 'int:-5:5')).toBe('no error');
    expect(fits('uint8', 'int:-1:5')).toBe('E_USAGE');
    expect(fits('bool', 'int:0:1')).toBe('no error');
    expect(fits('bool', 'int:0:2')).toBe('E_USAGE');
    expect(fits('bool', 'ones')).toBe('no error');
    expect(fits('string', 'zeros')).toBe('E_USAGE');
  });
  test('int bounds are inclusive and every value is drawn', () => {
    const v = toNumbers(fillTensor('int16', [300], { kind: 'int', lo: -2, hi: 2 }, mulberry32(1)));
    expect(new Set(v)).toEqual(new Set([-2, -1, 0, 1, 2]));
  });
  test('the same seed gives the same values', () => {
    const a = fillTensor('float32', [50], { kind: 'normal', mean: 0, std: 1 }, mulberry32(5));
    const b = fillTensor('float32', [50], { kind: 'normal', mean: 0, std: 1 }, mulberry32(5));
    expect(a.data).toEqual(b.data);
  });
  test('a fill for every input skips inputs it does not fit; a named one does not', () => {
    const plan = planFills([parseFillSpec('uniform:0:1'), parseFillSpec('ids=int:0:3')], ['x', 'ids', 'n'], (_f, n) => new Error(n));
    expect(plan.fillFor('x', 'float32')).toEqual({ kind: 'uniform', lo: 0, hi: 1 });
    expect(plan.fillFor('n', 'int64')).toBeUndefined();
    expect(code(() => planFills([parseFillSpec('n=uniform:0:1')], ['n'], () => new Error()).fillFor('n', 'int64'))).toBe('E_USAGE');
    expect(code(() => planFills([parseFillSpec('zeros'), parseFillSpec('ones')], ['n'], () => new Error()))).toBe('E_USAGE');
  });
});

describe('literal --input values', () => {
  test('what is a literal', () => {
    expect(literalItems('16000')).toEqual(['16000']);
    expect(literalItems('-1.5e3')).toEqual(['-1.5e3']);
    expect(literalItems('True')).toEqual(['True']);
    expect(literalItems('1, 2,3')).toEqual(['1', '2', '3']);
    expect(literalItems('-inf')).toEqual(['-inf']);
    for (const path of ['a.npy', '16k', '1,', '', '0x10', './1']) expect(literalItems(path)).toBeUndefined();
  });
  test('a value takes the input dtype; an all-1 declared shape keeps its rank', () => {
    const t = literalTensor({ name: 'x', type: { kind: 'tensor', dtype: 'uint8', shape: [1, 'n'] } }, '200', ['200']);
    expect(t.dims).toEqual([1, 1]);
    expect(t.data).toEqual(Uint8Array.of(200));
    expect(literalTensor({ name: 'x', type: { kind: 'tensor', dtype: 'float64' } }, '0.1', ['0.1']).data).toEqual(Float64Array.of(0.1));
    expect(code(() => literalTensor({ name: 'x', type: { kind: 'tensor', dtype: 'string', shape: [] } }, '1', ['1']))).toBe('E_USAGE');
  });
});
