// writeFilesAtomic: files that belong together (a model and its external data) are all staged before any is
// renamed into place, so a write that fails on one leaves every target as it was, with no temp file behind.
import { afterAll, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFilesAtomic } from '../../src/util/atomic-write';

const dir = mkdtempSync(join(tmpdir(), 'hodu-atomic-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('both written when both can be', () => {
  writeFilesAtomic([[join(dir, 'a.data'), 'new data'], [join(dir, 'a.onnx'), 'new model']]);
  expect(readFileSync(join(dir, 'a.data'), 'utf8')).toBe('new data');
  expect(readFileSync(join(dir, 'a.onnx'), 'utf8')).toBe('new model');
});

test('the second target a folder: the first is not replaced either, and no temp file is left', () => {
  writeFileSync(join(dir, 'b.data'), 'old data');
  mkdirSync(join(dir, 'b.onnx'));
  expect(() => writeFilesAtomic([[join(dir, 'b.data'), 'new data'], [join(dir, 'b.onnx'), 'new model']])).toThrow(`${join(dir, 'b.onnx')}: cannot write: it is a folder, not a file`);
  expect(readFileSync(join(dir, 'b.data'), 'utf8')).toBe('old data');
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('the second target under a file: the first is kept as it was', () => {
  writeFileSync(join(dir, 'c.data'), 'old data');
  writeFileSync(join(dir, 'blocker'), 'a file');
  expect(() => writeFilesAtomic([[join(dir, 'c.data'), 'new data'], [join(dir, 'blocker', 'c.onnx'), 'new model']])).toThrow('is a file, not a folder');
  expect(readFileSync(join(dir, 'c.data'), 'utf8')).toBe('old data');
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});
