import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * expected-pass.txt: every official test (`dir/name`) that passes today. A listed test that fails is a
 * regression (CI fails); a passing test that is not listed is reported so that it gets added.
 */
export const EXPECTED_PASS_FILE = join(import.meta.dir, 'expected-pass.txt');
/** The same for backend-cpu (`--backend cpu`): every claimed test that passes on it today. */
export const EXPECTED_PASS_CPU_FILE = join(import.meta.dir, 'expected-pass-cpu.txt');

const HEADERS: Record<string, string> = {
  [EXPECTED_PASS_FILE]: '# Official ONNX backend tests that pass on the interp (dir/test). Regenerate: npm run conformance -- --update-expected\n',
  [EXPECTED_PASS_CPU_FILE]: '# Official ONNX backend tests that pass on backend-cpu (dir/test). Regenerate: npm run conformance -- --backend cpu --update-expected\n',
};

export function loadExpectedPass(file = EXPECTED_PASS_FILE): Set<string> {
  if (!existsSync(file)) return new Set();
  return new Set(readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
}

export function saveExpectedPass(names: Iterable<string>, file = EXPECTED_PASS_FILE): void {
  writeFileSync(file, (HEADERS[file] ?? '') + [...names].sort().join('\n') + '\n');
}

/** The four directories of the Debian libonnx-testdata package that the suite runs (`real` needs downloads). */
export const DIRECTORIES = ['node', 'pytorch-converted', 'pytorch-operator', 'simple'] as const;
