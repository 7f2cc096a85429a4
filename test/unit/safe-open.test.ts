/** openRegularFile / readRegularFile: only regular files, bounded, never blocking (issue 9, item 4). */
import { afterAll, describe, expect, test } from 'bun:test';
import { closeSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRegularFile, readRegularFile } from '../../src/formats/safe-open';
import { readBytes } from '../../src/formats/registry';
import { tempDir } from '../e2e/hodu';
import { codeOf } from '../support/errors';

const tmp = tempDir('hodu-safe-open-');
afterAll(() => tmp.cleanup());
const posix = process.platform !== 'win32';

describe('readRegularFile', () => {
  test('reads a regular file, and follows a symlink unless noFollow', () => {
    const file = join(tmp.dir, 'a.bin');
    writeFileSync(file, new Uint8Array([1, 2, 3]));
    symlinkSync(file, join(tmp.dir, 'link.bin'));
    expect(readRegularFile(file)).toEqual({ ok: true, bytes: new Uint8Array([1, 2, 3]) });
    expect(readRegularFile(join(tmp.dir, 'link.bin'))).toEqual({ ok: true, bytes: new Uint8Array([1, 2, 3]) });
    expect(readRegularFile(join(tmp.dir, 'link.bin'), { noFollow: true })).toMatchObject({ ok: false, why: 'symlink' });
  });

  test('missing files, directories and NUL bytes', () => {
    expect(readRegularFile(join(tmp.dir, 'nope'))).toMatchObject({ ok: false, why: 'missing' });
    mkdirSync(join(tmp.dir, 'd'));
    expect(readRegularFile(join(tmp.dir, 'd'))).toMatchObject({ ok: false, why: 'directory' });
    expect(readRegularFile(`${join(tmp.dir, 'a.bin')}\0x`)).toMatchObject({ ok: false, why: 'io' });
  });

  test('a file over maxBytes is refused before it is read', () => {
    const file = join(tmp.dir, 'big.bin');
    writeFileSync(file, new Uint8Array(100));
    expect(readRegularFile(file, { maxBytes: 99 })).toMatchObject({ ok: false, why: 'too-large', size: 100 });
    expect(readRegularFile(file, { maxBytes: 100 })).toMatchObject({ ok: true });
  });

  test.skipIf(!posix)('a FIFO is refused without blocking, and so is /dev/zero', () => {
    const fifo = join(tmp.dir, 'fifo');
    expect(Bun.spawnSync(['mkfifo', fifo]).exitCode).toBe(0);
    // Without the type check, open() on a FIFO with no writer would block this test forever.
    expect(readRegularFile(fifo)).toMatchObject({ ok: false, why: 'not-regular', detail: 'a FIFO (named pipe)' });
    expect(readRegularFile('/dev/zero')).toMatchObject({ ok: false, why: 'not-regular', detail: 'a character device' });
    expect(codeOf(() => readBytes(fifo))).toBe('E_NOT_A_FILE');
    expect(codeOf(() => readBytes('/dev/zero'))).toBe('E_NOT_A_FILE');
  });

  test('openRegularFile returns the size and an open descriptor', () => {
    const r = openRegularFile(join(tmp.dir, 'a.bin'));
    expect(r).toMatchObject({ ok: true, size: 3 });
    if (r.ok) closeSync(r.fd);
  });
});
