import { expect, test } from 'bun:test';
import { LruCache } from '../../src/util/lru-cache';

test('a hit becomes the most recently used; an insert past capacity evicts the least recently used', () => {
  const evicted: string[] = [];
  const c = new LruCache<string, string>(2, (v) => evicted.push(v));
  c.set('a', 'A');
  c.set('b', 'B');
  expect(c.get('a')).toBe('A'); // b is now the oldest
  c.set('c', 'C');
  expect(evicted).toEqual(['B']);
  expect(c.has('b')).toBe(false);
  expect([...c.values()]).toEqual(['A', 'C']);
  expect(c.get('missing')).toBeUndefined();
});

test('a stored null is a value (has), and clear evicts every entry', () => {
  const evicted: (string | null)[] = [];
  const c = new LruCache<string, string | null>(3, (v) => evicted.push(v));
  c.set('none', null);
  c.set('x', 'X');
  expect(c.has('none')).toBe(true);
  expect(c.get('none')).toBeNull();
  c.clear();
  expect(evicted).toEqual(['X', null]);
  expect(c.size).toBe(0);
});
