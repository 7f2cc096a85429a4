/**
 * src/build/standalone-sources.ts embeds the standalone main's C files for `hodu build --standalone`: the
 * embedded texts are the files on disk, every file of the folder is listed, and the written-out set compiles
 * on its own (with hodu_model.h and a model) into a working executable.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { standaloneCFiles, standaloneSources } from '../../src/build/standalone-sources';
import { testWithTools } from '../support/optional-tools';
import { compile, ROOT, runExe, STANDALONE_DIR } from './standalone-support';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hodu-standalone-sources-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the embedded sources are the files of src/build/c/standalone/, all of them', () => {
  expect(Object.keys(standaloneSources).sort()).toEqual(readdirSync(STANDALONE_DIR).sort());
  for (const [name, text] of Object.entries(standaloneSources)) expect(text).toBe(readFileSync(join(STANDALONE_DIR, name), 'utf8'));
  expect(standaloneCFiles).toEqual(Object.keys(standaloneSources).filter((f) => f.endsWith('.c')));
});

testWithTools(['cc'], 'written out alone, the embedded files compile with hodu_model.h and a model into a working executable', () => {
  for (const [name, text] of Object.entries(standaloneSources)) writeFileSync(join(work, name), text);
  copyFileSync(join(ROOT, 'src', 'build', 'c', 'hodu_model.h'), join(work, 'hodu_model.h'));
  const exe = join(work, 'model');
  compile([...standaloneCFiles.map((f) => join(work, f)), join(ROOT, 'test', 'fixtures', 'build', 'add-model.c')], exe);
  const r = runExe(exe, ['--info'], work);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).model_name).toBe('add-model');
}, 120_000);
