import { afterEach, expect, test } from 'bun:test';
import { createInterruptHandler, exitCodeForSignal, onInterrupt, pendingCleanups, runInterruptCleanups, withInterruptCleanup } from '../../src/util/interrupt';

afterEach(async () => {
  // Leave the registry empty for the next test.
  while (pendingCleanups() > 0) await runInterruptCleanups('SIGINT');
});

test('exit codes follow the shell convention 128 + signal number', () => {
  expect(exitCodeForSignal('SIGINT')).toBe(130);
  expect(exitCodeForSignal('SIGTERM')).toBe(143);
  expect(exitCodeForSignal('SIGHUP')).toBe(129);
});

test('cleanups run newest first, a failing one does not stop the others, and each runs once', async () => {
  const ran: string[] = [];
  onInterrupt(() => void ran.push('first'));
  onInterrupt(() => {
    ran.push('throws');
    throw new Error('boom');
  });
  onInterrupt(async () => {
    await Bun.sleep(1);
    ran.push('async last');
  });
  expect(await runInterruptCleanups('SIGTERM')).toBe(143);
  expect(ran).toEqual(['async last', 'throws', 'first']);
  expect(await runInterruptCleanups('SIGINT')).toBe(130);
  expect(ran.length).toBe(3);
});

test('an unregistered cleanup does not run; withInterruptCleanup unregisters after the work', async () => {
  const ran: string[] = [];
  const off = onInterrupt(() => void ran.push('removed'));
  off();
  expect(await withInterruptCleanup(() => void ran.push('scoped'), async () => 42)).toBe(42);
  expect(pendingCleanups()).toBe(0);
  await expect(withInterruptCleanup(() => {}, async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
  expect(pendingCleanups()).toBe(0);
  await runInterruptCleanups('SIGINT');
  expect(ran).toEqual([]);
});

test('the handler exits after the cleanups; a second signal exits at once without waiting for them', async () => {
  const exits: number[] = [];
  let release!: () => void;
  onInterrupt(() => new Promise<void>((r) => (release = r)));
  const handler = createInterruptHandler((code) => void exits.push(code));
  handler('SIGINT');
  await Bun.sleep(1);
  expect(exits).toEqual([]); // still cleaning up
  handler('SIGINT');
  expect(exits).toEqual([130]); // the impatient second Ctrl+C
  release();
  await Bun.sleep(1);
  expect(exits).toEqual([130, 130]);
});

test("a child's death by the user's Ctrl+C starts the handler; hodu's own copy of that signal is not a second Ctrl+C", async () => {
  const exits: number[] = [];
  let release!: () => void;
  onInterrupt(() => new Promise<void>((r) => (release = r)));
  const handler = createInterruptHandler((code) => void exits.push(code));
  handler('SIGINT', true);
  await Bun.sleep(1);
  handler('SIGINT'); // the same Ctrl+C, delivered to hodu after the child was reported dead
  expect(exits).toEqual([]);
  handler('SIGINT'); // a real second Ctrl+C
  expect(exits).toEqual([130]);
  release();
  await Bun.sleep(1);
  expect(exits).toEqual([130, 130]);
});
