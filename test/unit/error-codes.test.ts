/** The error-code table (src/errors.ts) is the one source of exit statuses and default hints. */
import { expect, test } from 'bun:test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { withFreshErrorTable } from '../../src/cli/error-table';
import { ERROR_CODES, HoduError } from '../../src/errors';

const root = join(import.meta.dir, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

test('the README error-code table matches src/errors.ts', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  if (withFreshErrorTable(readme) !== readme) {
    throw new Error('the error-code table in README.md is stale: run `bun scripts/gen-error-table.ts` and commit README.md');
  }
});

test('every code has an exit status of 1 or 2, a default hint and a line of doc', () => {
  for (const [code, info] of Object.entries(ERROR_CODES)) {
    expect(`${code}: ${[1, 2].includes(info.exit)}`).toBe(`${code}: true`);
    expect(info.hint.trim().length).toBeGreaterThan(0);
    expect(info.doc.trim().length).toBeGreaterThan(0);
  }
});

test('an error thrown without a hint gets its code\'s default hint and exit status', () => {
  const e = new HoduError('E_SHAPE', 'shape mismatch in Add node \'add_3\': [2,3] vs [4]');
  expect(e.hint).toBe(ERROR_CODES.E_SHAPE.hint);
  expect(e.exitCode).toBe(1);
  expect(new HoduError('E_USAGE', 'x').exitCode).toBe(2);
  expect(new HoduError('E_USAGE', 'x', { hint: 'own hint' }).hint).toBe('own hint');
  // A code sent by a plugin is not in the table: exit 1 and a generic hint, never an empty hint line.
  const plugin = HoduError.fromCode('E_PLUGIN_DECODE', 'bad file');
  expect(plugin.exitCode).toBe(1);
  expect(plugin.hint.length).toBeGreaterThan(0);
});

test('throw sites name a code from the table and never pick an exit status by hand', () => {
  const bad: string[] = [];
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const rel = file.slice(root.length + 1);
    for (const m of text.matchAll(/new HoduError\(\s*'([A-Z0-9_]+)'/g)) if (!(m[1]! in ERROR_CODES)) bad.push(`${rel}: unknown code ${m[1]}`);
    if (rel !== 'src/errors.ts' && /exitCode:\s*\d/.test(text)) bad.push(`${rel}: hand-written exitCode (the code's table entry decides it)`);
  }
  expect(bad).toEqual([]);
});
