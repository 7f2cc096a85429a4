import { expect, test } from 'bun:test';
import { benchmarkNotes } from '../../src/cli/run/benchmark-notes';


test('the interp gets no notes, whatever the flags', () => {
  expect(benchmarkNotes({ backend: 'interp', isolate: true, installedNative: false })).toEqual([]);
});

test('embedded cpu: in-process by default (no note), isolated only with --isolate', () => {
  expect(benchmarkNotes({ backend: 'cpu', installedNative: false })).toEqual([]);
  const [note] = benchmarkNotes({ backend: 'cpu', isolate: true, installedNative: false });
  expect(note).toContain("'cpu' runs isolated (--isolate)");
});

test('an installed cpu asked for by name shadows the embedded one: isolated by default', () => {
  const [note] = benchmarkNotes({ backend: 'cpu', requested: 'cpu', installedNative: true });
  expect(note).toContain("'cpu' runs isolated (the default for an installed plugin)");
  expect(note).toContain('--no-isolate');
  expect(benchmarkNotes({ backend: 'cpu', requested: 'cpu', isolate: false, installedNative: true })).toEqual([]);
});

test('chosen automatically, cpu is the embedded one even when a cpu package is installed', () => {
  expect(benchmarkNotes({ backend: 'cpu', installedNative: true })).toEqual([]);
});

test('an installed native plugin of another name is isolated unless --no-isolate', () => {
  expect(benchmarkNotes({ backend: 'fast', installedNative: true })).toHaveLength(1);
  expect(benchmarkNotes({ backend: 'fast', isolate: false, installedNative: true })).toEqual([]);
  // A JS plugin (no native library) is neither.
  expect(benchmarkNotes({ backend: 'js', installedNative: false })).toEqual([]);
});
