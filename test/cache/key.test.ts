import { expect, test } from 'bun:test';
import { createHash } from 'node:crypto';
import { cacheKey } from '../../src/cache';
import { canonicalJson } from '../../src/cache/key';

test('the key does not depend on the order the parts were written in, at any depth', () => {
  const a = cacheKey({ model: 'abc', target: 'x86_64-linux-gnu', shapes: { x: [1, 3], y: [2] }, threads: 2 });
  const b = cacheKey({ threads: 2, shapes: { y: [2], x: [1, 3] }, target: 'x86_64-linux-gnu', model: 'abc' });
  expect(a).toBe(b);
  expect(a).toMatch(/^[0-9a-f]{64}$/);
});

test('the key is the sha256 of sorted-key JSON, and every part changes it (array order too)', () => {
  expect(cacheKey({ b: 1, a: [true, null, 'x'] })).toBe(createHash('sha256').update('{"a":[true,null,"x"],"b":1}').digest('hex'));
  const base = { model: 'abc', shapes: [1, 3] };
  expect(cacheKey({ ...base, model: 'abd' })).not.toBe(cacheKey(base));
  expect(cacheKey({ ...base, shapes: [3, 1] })).not.toBe(cacheKey(base));
  // An undefined part is absent, as in JSON; a null one is a value.
  expect(cacheKey({ ...base, extra: undefined })).toBe(cacheKey(base));
  expect(cacheKey({ ...base, extra: null })).not.toBe(cacheKey(base));
});

test('values with no stable JSON form are refused, naming the part', () => {
  expect(() => canonicalJson({ a: { b: NaN } })).toThrow('parts.a.b is NaN');
  expect(() => cacheKey({ n: 1n })).toThrow('parts.n is bigint');
  expect(() => cacheKey({ d: new Date(0) })).toThrow('parts.d is object');
});
