/**
 * The official ONNX backend tests (node, pytorch-converted, pytorch-operator, simple) on the interp.
 * Every test must pass unless skips.toml lists it with a reason; a test listed in expected-pass.txt that
 * fails is a regression. Skipped when the test data is not installed (`npm run testdata`).
 */
import { describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { DIRECTORIES, loadExpectedPass } from './expected';
import { listTests, runCase } from './runner';
import { loadSkips, skipProblems } from './skips';
import { onnxTestDataDir } from './testdata';

const root = onnxTestDataDir();
const skips = loadSkips();
const expected = loadExpectedPass();

test('skips.toml: every entry names a test and gives a reason', () => {
  expect(skipProblems(skips)).toEqual([]);
});

test('expected-pass.txt and skips.toml do not overlap', () => {
  const both = [...expected].filter((k) => skips.has(k.split('/').pop()!));
  expect(both).toEqual([]);
});

for (const dir of DIRECTORIES) {
  describe.skipIf(!root)(`ONNX backend tests: ${dir}`, () => {
    const names = root ? listTests(join(root, dir)) : [];
    const unlisted: string[] = [];
    for (const name of names) {
      test.skipIf(skips.has(name))(name, async () => {
        const outcome = await runCase(join(root!, dir, name));
        if (outcome.status === 'passed' && !expected.has(`${dir}/${name}`)) unlisted.push(name);
        const detail = outcome.status === 'passed' ? 'passed' : `${outcome.status}: ${outcome.reason}${expected.has(`${dir}/${name}`) ? ' (REGRESSION: listed in expected-pass.txt)' : ''}`;
        expect(detail).toBe('passed');
      });
    }
    test('summary', () => {
      if (unlisted.length) console.log(`note: ${unlisted.length} ${dir} test(s) pass but are not in expected-pass.txt; add them: ${unlisted.join(', ')}`);
      // Every listed test of this directory still exists in the data (a renamed test would silently drop out).
      const missing = [...expected].filter((k) => k.startsWith(`${dir}/`) && !names.includes(k.slice(dir.length + 1)));
      expect(missing).toEqual([]);
    });
  });
}
