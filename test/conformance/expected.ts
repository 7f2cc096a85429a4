import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * expected-pass.txt: every official test (`dir/name`) that passes today. A listed test that fails is a
 * regression (CI fails); a passing test that is not listed is reported so that it gets added.
 */
export const EXPECTED_PASS_FILE = join(import.meta.dir, 'expected-pass.txt');

export function loadExpectedPass(): Set<string> {
  if (!existsSync(EXPECTED_PASS_FILE)) return new Set();
  return new Set(readFileSync(EXPECTED_PASS_FILE, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
}

export function saveExpectedPass(names: Iterable<string>): void {
  const header = '# Official ONNX backend tests that pass on the interp (dir/test). Regenerate: npm run conformance -- --update-expected\n';
  writeFileSync(EXPECTED_PASS_FILE, header + [...names].sort().join('\n') + '\n');
}

/** The four directories of the Debian libonnx-testdata package that the suite runs (`real` needs downloads). */
export const DIRECTORIES = ['node', 'pytorch-converted', 'pytorch-operator', 'simple'] as const;
