// A config key that nothing reads is a setting that silently does nothing (issue 10 item 10). Each key in
// src/config/keys.ts is either read by some code path or marked `notUsedYet` (then `config set` warns and
// `config list` says so); this test holds both directions, so wiring a key means dropping its mark.
//
// "Read" means a property access `<section>.<name>` (or `?.`) in src/: `cfg.log?.level`,
// `config.update?.check_interval`, `network?.timeout_ms`. Strings and comments do not count (the parser
// skips them), nor does the generic `config list`/`get` code, which reads every key by name.
import { expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { CONFIG_KEYS } from '../../src/config/keys';

const SRC = join(import.meta.dir, '..', '..', 'src');

/** Every `a.b` (and `a?.b`) in the files, as 'a.b', with the files it is in. */
function propertyReads(files: Iterable<[name: string, text: string]>): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  for (const [name, text] of files) {
    const sf = ts.createSourceFile(name, text, ts.ScriptTarget.ESNext, true);
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) {
        const left = n.expression;
        const section = ts.isIdentifier(left) ? left.text : ts.isPropertyAccessExpression(left) ? left.name.text : undefined;
        if (section) {
          const key = `${section}.${n.name.text}`;
          reads.set(key, [...(reads.get(key) ?? []), name]);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return reads;
}

test('every config key is read by some code, or marked notUsedYet; a marked key is read by none', () => {
  const reads = propertyReads([...new Bun.Glob('**/*.ts').scanSync(SRC)].map((f) => [f, readFileSync(join(SRC, f), 'utf8')]));
  const silent = CONFIG_KEYS.filter((k) => !k.notUsedYet && !reads.has(k.key)).map((k) => k.key);
  // Wire these keys (read them where they take effect) or mark them notUsedYet with what will read them.
  expect(silent).toEqual([]);
  const wired = CONFIG_KEYS.filter((k) => k.notUsedYet && reads.has(k.key)).map((k) => `${k.key}: ${reads.get(k.key)!.join(', ')}`);
  // These are read now: drop their notUsedYet so `config set` stops warning.
  expect(wired).toEqual([]);
});

test('the read finder sees property chains and optional chaining, not strings or comments', () => {
  const text = "const a = cfg.log?.level; const b = (await load()).network?.timeout_ms; // cache.dir\nconst c = 'registry.url';";
  const reads = propertyReads([['x.ts', text]]);
  expect(['log.level', 'network.timeout_ms', 'cache.dir', 'registry.url'].map((k) => reads.has(k))).toEqual([true, true, false, false]);
});
