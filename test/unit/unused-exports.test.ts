import { afterAll, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findUnusedExports } from '../../scripts/unused-exports';

// An export nothing imports is dead API (issue 10 item 10): drop the `export` keyword, or the code when the
// file does not use it either. A name that must stay exported although nothing in the repository imports it
// goes here, keyed `file: name`, with the reason.
const ALLOWLIST: Record<string, string> = {};

const tmp = mkdtempSync(join(tmpdir(), 'hodu-unused-exports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmp, 'repo-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('the finder follows named, namespace, dynamic and type imports and re-exports', () => {
  const root = tree({
    'src/a.ts': 'export const viaNamed = 1;\nexport const viaStar = 2;\nexport function localOnly() {}\nlocalOnly();\nexport const dead = 3;\nexport default 4;\n',
    'src/barrel.ts': "export * from './a';\nexport { viaRename as renamed } from './b';\nexport { internal as unusedHere } from './c';\n",
    'src/b.ts': 'export const viaRename = 1;\nexport const viaNamespace = 2;\nexport const viaDynamic = 3;\nexport const viaDestructure = 4;\nexport interface ViaTypeImport { x: number }\n',
    'src/use.ts': "import { viaNamed } from './a';\nimport { viaStar, renamed } from './barrel';\nimport * as b from './b';\nconsole.log(viaNamed, viaStar, renamed, b.viaNamespace);\n",
    'test/t.ts': "const n = (await import('../src/b')).viaDynamic;\nconst { viaDestructure } = await import('../src/b.ts');\nlet t: import('../src/b').ViaTypeImport;\n",
    'src/sdk/index.ts': "export { publicApi } from '../c';\n",
    'src/c.ts': 'export const publicApi = 1;\nexport const internal = 2;\n',
  });
  expect(findUnusedExports(root)).toEqual([
    { file: 'src/a.ts', name: 'dead', usedInFile: false },
    { file: 'src/a.ts', name: 'localOnly', usedInFile: true },
    { file: 'src/barrel.ts', name: 'unusedHere', usedInFile: false, reexport: true },
    { file: 'src/c.ts', name: 'internal', usedInFile: false },
  ]);
});

test('a namespace import used whole, or a dynamic import handed to then(), keeps every export of its module', () => {
  const root = tree({
    'src/a.ts': 'export const one = 1;\nexport const two = 2;\n',
    'src/use.ts': "import * as a from './a';\nconsole.log(Object.keys(a));\n",
    'src/b.ts': 'export const viaThen = 1;\nexport const alsoViaThen = 2;\n',
    'src/then.ts': "void import('./b').then((m) => m.viaThen);\n",
  });
  expect(findUnusedExports(root)).toEqual([]);
});

test('no name is exported from src/ that nothing imports, beyond the allowlist', () => {
  const found = findUnusedExports().map((u) => `${u.file}: ${u.name}${u.usedInFile ? '' : ' (dead code)'}`);
  const key = (f: string) => f.replace(/ \(dead code\)$/, '');
  // Drop `export` from these (or delete them: "dead code" means the file does not use them either).
  expect(found.filter((f) => !(key(f) in ALLOWLIST))).toEqual([]);
  // An allowlisted name that is now imported, or gone: remove its entry.
  expect(Object.keys(ALLOWLIST).filter((k) => !found.map(key).includes(k))).toEqual([]);
  for (const [k, reason] of Object.entries(ALLOWLIST)) expect(reason.trim().length, `${k} needs a reason`).toBeGreaterThan(0);
});
