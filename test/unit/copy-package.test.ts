/** copyPackage (plugin install's copy): real files only, inside the package, bounded. */
import { afterAll, expect, test } from 'bun:test';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyPackage, isInside } from '../../src/plugins/copy-package';
import { errorOf } from '../support/errors';

const root = mkdtempSync(join(tmpdir(), 'hodu-copy-package-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

function pkg(files: Record<string, string>): string {
  const dir = join(root, `p${n++}`);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

test('copies files and folders, skips .git and node_modules, replaces inner links by their contents', () => {
  const src = pkg({ 'package.json': '{}', 'src/a.c': 'int a;', '.git/HEAD': 'x', 'node_modules/m/index.js': 'x' });
  symlinkSync('src/a.c', join(src, 'a-link.c'));
  const dest = join(root, `d${n++}`);
  expect(copyPackage(src, dest)).toEqual({ files: 3, bytes: 2 + 6 + 6 });
  expect(lstatSync(join(dest, 'a-link.c')).isFile()).toBe(true);
  expect(readFileSync(join(dest, 'a-link.c'), 'utf8')).toBe('int a;');
  expect(() => lstatSync(join(dest, '.git'))).toThrow();
  expect(() => lstatSync(join(dest, 'node_modules'))).toThrow();
});

test('the file count and total size are bounded', () => {
  const src = pkg({ a: '1', b: '2', c: '3', d: '4' });
  expect(errorOf(() => copyPackage(src, join(root, `d${n++}`), { files: 3, bytes: 1e9 })).message).toContain('more than 3 files');
  expect(errorOf(() => copyPackage(src, join(root, `d${n++}`), { files: 100, bytes: 2 })).message).toContain('larger than');
});

test('a dangling link is refused by name', () => {
  const src = pkg({ 'package.json': '{}' });
  symlinkSync('nowhere.c', join(src, 'gone.c'));
  const e = errorOf(() => copyPackage(src, join(root, `d${n++}`)));
  expect(e.code).toBe('E_PLUGIN_PACKAGE');
  expect(e.message).toContain(join(src, 'gone.c'));
  expect(e.message).toContain('does not exist');
});

test('isInside compares whole path segments', () => {
  expect(isInside('/a/b', '/a/b')).toBe(true);
  expect(isInside('/a/b', '/a/b/c')).toBe(true);
  expect(isInside('/a/b', '/a/bc')).toBe(false);
  expect(isInside('/a/b', '/a')).toBe(false);
});
