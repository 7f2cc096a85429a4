import { expect, test } from 'bun:test';
import { benchmarkProgressLine } from '../../src/cli/run/benchmark';

function fakeTerminal(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  return { stream: { isTTY, columns, write: (t: string) => writes.push(t) }, writes };
}

test('no progress line when stderr is not a terminal', () => {
  expect(benchmarkProgressLine({ warmup: 1, runs: 3 }, fakeTerminal(false).stream)).toBeUndefined();
  expect(benchmarkProgressLine({ warmup: 1, runs: 3 }, fakeTerminal(true, 0).stream)).toBeUndefined();
});

test('a line rewritten in place, at most every 100 ms, the last run always shown, cleared at the end', () => {
  const { stream, writes } = fakeTerminal(true);
  let clock = 1000;
  const line = benchmarkProgressLine({ warmup: 1, runs: 3 }, stream, () => clock)!;
  line.update({ phase: 'warmup', done: 1, total: 1, elapsedMs: 5 });
  clock += 10;
  line.update({ phase: 'measure', done: 1, total: 3, elapsedMs: 1, lastMs: 1.234 }); // within 100 ms: skipped
  clock += 10;
  line.update({ phase: 'measure', done: 3, total: 3, elapsedMs: 3, lastMs: 1 }); // the last: shown anyway
  line.clear();
  expect(writes).toEqual(['\r\x1b[Kwarming up 1/1', '\r\x1b[Kmeasuring 3/3  last 1.00 ms', '\r\x1b[K']);
});

test('a --duration run shows runs and seconds; the line fits the terminal', () => {
  const { stream, writes } = fakeTerminal(true, 20);
  const line = benchmarkProgressLine({ warmup: 0, durationMs: 10_000 }, stream, () => 0)!;
  line.update({ phase: 'measure', done: 42, elapsedMs: 2500, lastMs: 3 });
  expect(writes[0]).toBe('\r\x1b[K' + 'measuring 42 runs, 2.5/10.0 s'.slice(0, 19));
});

test('nothing shown, nothing cleared', () => {
  const { stream, writes } = fakeTerminal(true);
  benchmarkProgressLine({ warmup: 0, runs: 1 }, stream)!.clear();
  expect(writes).toEqual([]);
});
