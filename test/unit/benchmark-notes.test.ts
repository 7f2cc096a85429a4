import { expect, test } from 'bun:test';
import type { Setting } from '../../src/config/settings';
import { benchmarkNotes } from '../../src/cli/run/benchmark-notes';

const threads = (value: number, from = '--threads') => ({ value, from, source: 'flag' }) as unknown as Setting<number>;
const one = threads(0, 'default');

test('the interp gets no notes, whatever the flags', () => {
  expect(benchmarkNotes({ backend: 'interp', threads: threads(4), isolate: true, installedNative: false })).toEqual([]);
});

test('embedded cpu: in-process by default (no note), isolated only with --isolate', () => {
  expect(benchmarkNotes({ backend: 'cpu', threads: one, installedNative: false })).toEqual([]);
  const [note] = benchmarkNotes({ backend: 'cpu', threads: one, isolate: true, installedNative: false });
  expect(note).toContain("'cpu' runs isolated (--isolate)");
});

test('an installed cpu asked for by name shadows the embedded one: isolated by default', () => {
  const [note] = benchmarkNotes({ backend: 'cpu', requested: 'cpu', threads: one, installedNative: true });
  expect(note).toContain("'cpu' runs isolated (the default for an installed plugin)");
  expect(note).toContain('--no-isolate');
  expect(benchmarkNotes({ backend: 'cpu', requested: 'cpu', threads: one, isolate: false, installedNative: true })).toEqual([]);
});

test('chosen automatically, cpu is the embedded one even when a cpu package is installed', () => {
  expect(benchmarkNotes({ backend: 'cpu', threads: one, installedNative: true })).toEqual([]);
});

test('an installed native plugin of another name is isolated unless --no-isolate', () => {
  expect(benchmarkNotes({ backend: 'fast', threads: one, installedNative: true })).toHaveLength(1);
  expect(benchmarkNotes({ backend: 'fast', threads: one, isolate: false, installedNative: true })).toEqual([]);
  // A JS plugin (no native library) is neither.
  expect(benchmarkNotes({ backend: 'js', threads: threads(2), installedNative: false })).toEqual([]);
});

test('more than one thread on a native backend: said, with where the count came from', () => {
  const [note] = benchmarkNotes({ backend: 'cpu', threads: threads(2, 'HODU_THREADS'), installedNative: false });
  expect(note).toBe("note: 2 threads (HODU_THREADS): hodu gives native backends no threads yet, so 'cpu' runs on one; only the interp's partitions use them");
});
