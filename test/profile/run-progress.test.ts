/** The live progress line of `hodu run`: what it says, when it is wanted, and that it erases itself. */
import { expect, test } from 'bun:test';
import { renderRunProgress, runProgressWanted, startRunProgress } from '../../src/cli/ui/run-progress';

test('the line: phase, node i of N while running, elapsed seconds to 0.1', () => {
  expect(renderRunProgress({ phase: 'load', elapsedMs: 1234 })).toBe('load  1.2s');
  expect(renderRunProgress({ phase: 'run', node: { done: 12, total: 50 }, elapsedMs: 2060 })).toBe('run  node 12/50  2.1s');
  // Node counts belong to the run phase only.
  expect(renderRunProgress({ phase: 'plan', node: { done: 1, total: 2 }, elapsedMs: 1000 })).toBe('plan  1.0s');
  // Cut below the terminal width, so that one carriage return can erase it.
  expect(renderRunProgress({ phase: 'run', node: { done: 12, total: 50 }, elapsedMs: 2060 }, 10)).toBe('run  node');
});

test('wanted only on a terminal, without --json, outside CI and TERM=dumb', () => {
  const tty = { isTTY: true };
  expect(runProgressWanted({ json: false }, {}, tty)).toBe(true);
  expect(runProgressWanted({ json: false }, {}, { isTTY: false })).toBe(false);
  expect(runProgressWanted({ json: true }, {}, tty)).toBe(false);
  expect(runProgressWanted({ json: false }, { CI: 'true' }, tty)).toBe(false);
  expect(runProgressWanted({ json: false }, { CI: 'false' }, tty)).toBe(true);
  expect(runProgressWanted({ json: false }, { TERM: 'dumb' }, tty)).toBe(false);
});

test('draws after the delay, redraws only on change, and erases the line at the end', async () => {
  const writes: string[] = [];
  const p = startRunProgress(true, { delayMs: 30, everyMs: 5, write: (s) => writes.push(s), columns: () => 80 });
  p.phase('run');
  p.node(3, 10);
  await Bun.sleep(15);
  expect(writes).toEqual([]); // before the delay: nothing
  await Bun.sleep(60);
  p.stop();
  p.stop();
  expect(writes.length).toBeGreaterThanOrEqual(2);
  expect(writes[0]).toMatch(/^\r\x1b\[2Krun {2}node 3\/10 {2}0\.\ds$/);
  expect(writes.at(-1)).toBe('\r\x1b[2K');
  expect(writes.filter((w) => w === '\r\x1b[2K')).toHaveLength(1);
});

test('disabled: never writes', async () => {
  const writes: string[] = [];
  const p = startRunProgress(false, { delayMs: 0, everyMs: 1, write: (s) => writes.push(s) });
  await Bun.sleep(10);
  p.stop();
  expect(writes).toEqual([]);
});
