/** src/cli/ui/progress.ts (used by self-update): renderer choice and the plain line-by-line output. */
import { afterAll, afterEach, expect, spyOn, test } from 'bun:test';
import { chooseRenderer, taskRunner } from '../../src/cli/ui/progress';
import { formatTransfer } from '../../src/cli/ui/progress-types';

// err() writes to process.stderr (not console.error, which Bun paints red on a TTY): capture it there.
const spy = spyOn(process.stderr, 'write').mockImplementation(() => true);
afterEach(() => spy.mockClear());
afterAll(() => spy.mockRestore());
const lines = () => spy.mock.calls.map((c) => String(c[0]).replace(/\n$/, ''));

test('--quiet silences, --json and non-TTY stderr give plain lines', () => {
  expect(chooseRenderer({ quiet: true })).toBe('silent');
  expect(chooseRenderer({ json: true })).toBe('plain');
  if (!process.stderr.isTTY) expect(chooseRenderer({})).toBe('plain');
});

test('transfer text: 1 MB = 1e6 bytes, floor of the percentage', () => {
  expect(formatTransfer(2_500_000, 10_000_000)).toBe('2.50 MB / 10.0 MB (25%)');
  expect(formatTransfer(999, 1000)).toBe('999 B / 1.00 kB (99%)');
  expect(formatTransfer(1500)).toBe('1.50 kB');
});

test('plain: title, title changes, byte progress per quarter, ✔ with the done title', async () => {
  const run = await taskRunner('plain');
  const r = await run('Downloading', async (t) => {
    for (let i = 1; i <= 8; i++) t.bytes(i * 100, 800);
    t.title('Checking');
    t.done('Done');
    return 7;
  });
  expect(r).toBe(7);
  expect(lines()).toEqual(['• Downloading', '  200 B / 800 B (25%)', '  400 B / 800 B (50%)', '  600 B / 800 B (75%)', '  800 B / 800 B (100%)', '• Checking', '✔ Done']);
});

test('plain: a failing step ends with ✘ and rethrows the same error; silent prints nothing', async () => {
  const boom = new Error('boom');
  const run = await taskRunner('plain');
  await expect(run('Step', async () => Promise.reject(boom))).rejects.toBe(boom);
  expect(lines()).toEqual(['• Step', '✘ Step']);
  spy.mockClear();
  expect(await (await taskRunner('silent'))('Quiet', async (t) => (t.bytes(1, 2), 1))).toBe(1);
  expect(lines()).toEqual([]);
});
