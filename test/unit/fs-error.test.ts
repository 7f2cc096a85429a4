import { expect, test } from 'bun:test';
import { lstatSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/util/atomic-write';
import { ioError, isFsError } from '../../src/util/fs-error';

const errno = (code: string, path = '/x/y') => Object.assign(new Error(`${code}: something, open '${path}'`), { code, path, syscall: 'open' });

test('each fs errno becomes E_IO naming the path with a reason and a hint', () => {
  for (const [code, reason] of [['EACCES', 'permission denied'], ['ENOSPC', 'no space left'], ['EROFS', 'read-only'], ['EISDIR', 'a folder, not a file']] as const) {
    const e = ioError(errno(code), 'out.npz', 'write');
    expect(e.code).toBe('E_IO');
    expect(e.message).toStartWith('out.npz: cannot write: ');
    expect(e.message).toContain(reason);
    expect(e.hint.length).toBeGreaterThan(0);
    expect(e.exitCode).toBe(1);
  }
  expect(isFsError(errno('ENOTDIR'))).toBe(true);
  expect(isFsError(new Error('plain'))).toBe(false);
});

test('an atomic write under a file names the file in the way, not the temp file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hodu-fs-error-'));
  try {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    expect(() => writeFileAtomic(join(blocker, 'sub', 'out.npz'), 'data')).toThrow(`${join(blocker, 'sub', 'out.npz')}: cannot write: ${blocker} is a file, not a folder`);
    expect(() => writeFileAtomic(dir, 'data')).toThrow(`${dir}: cannot write: it is a folder, not a file`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writeFileAtomic writes into a FIFO (as into a device) instead of renaming a regular file over it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hodu-atomic-fifo-'));
  try {
    const fifo = join(dir, 'pipe');
    expect(Bun.spawnSync(['mkfifo', fifo]).exitCode).toBe(0);
    const reader = Bun.spawn(['cat', fifo], { stdout: 'pipe' });
    await writeWhenRead(fifo, 'through the pipe');
    expect(await new Response(reader.stdout).text()).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    reader.kill();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writeFileAtomic to a FIFO that nobody reads is E_IO at once (a blocking open would hang where Ctrl+C cannot reach)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hodu-atomic-fifo-'));
  try {
    const fifo = join(dir, 'pipe');
    expect(Bun.spawnSync(['mkfifo', fifo]).exitCode).toBe(0);
    expect(() => writeFileAtomic(fifo, 'nobody listens')).toThrow(`${fifo}: cannot write: it is a FIFO that no process is reading`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writeFileAtomic to a FIFO waits out a full pipe (1 MB through a 64 KiB pipe buffer)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hodu-atomic-fifo-'));
  try {
    const fifo = join(dir, 'pipe');
    expect(Bun.spawnSync(['mkfifo', fifo]).exitCode).toBe(0);
    const reader = Bun.spawn(['sh', '-c', `sleep 0.3; wc -c < '${fifo}'`], { stdout: 'pipe' });
    await writeWhenRead(fifo, new Uint8Array(1 << 20).fill(7));
    expect((await new Response(reader.stdout).text()).trim()).toBe(String(1 << 20));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The reader is a process started just before: until it has opened the FIFO, the write is refused (ENXIO); retry. */
async function writeWhenRead(fifo: string, data: Uint8Array | string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return writeFileAtomic(fifo, data);
    } catch (e) {
      if (i > 500 || !String((e as Error).message).includes('no process is reading')) throw e;
      await Bun.sleep(10);
    }
  }
}
