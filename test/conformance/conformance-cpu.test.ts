/**
 * The official ONNX backend tests on backend-cpu (`npm run conformance -- --backend cpu`): every test whose
 * ops the plugin's kernel list claims runs on it and must give the expected outputs at the interp runner's
 * tolerances. A refusal (at create(), or no kernel for the node's dtypes) is reported, not failed; a test
 * listed in expected-pass-cpu.txt that no longer passes is a regression. Needs a C compiler (skipped with
 * the reason without one, failing under CI=true) and the test data (`npm run testdata`).
 */
import { describe, expect, test } from 'bun:test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithTools } from '../support/optional-tools';
import { EXPECTED_PASS_CPU_FILE, loadExpectedPass } from './expected';
import { cpuConformance, printCpuReport } from './run-cpu';
import { CPU_SKIPS_FILE, loadSkips, skipProblems } from './skips';
import { onnxTestDataDir } from './testdata';

const root = onnxTestDataDir();
const expected = loadExpectedPass(EXPECTED_PASS_CPU_FILE);
const cpuSkips = loadSkips(readFileSync(CPU_SKIPS_FILE, 'utf8'));

test('skips-cpu.toml: every entry names a test and gives a reason', () => {
  expect(skipProblems(cpuSkips, readFileSync(CPU_SKIPS_FILE, 'utf8'))).toEqual([]);
});

test('expected-pass-cpu.txt and the skip lists do not overlap', () => {
  const skipped = new Map([...loadSkips(), ...cpuSkips]);
  expect([...expected].filter((k) => skipped.has(k.split('/').pop()!))).toEqual([]);
});

describeWithTools(['cc'], 'ONNX backend tests on backend-cpu', () => {
  describe.skipIf(!root)('every claimed test passes or is refused', () => {
    test('no failure, no regression against expected-pass-cpu.txt', async () => {
      const report = await cpuConformance(root!);
      printCpuReport(report);
      expect({ failed: report.failed, regressions: report.regressions, skipIssues: report.skipIssues }).toEqual({ failed: [], regressions: [], skipIssues: [] });
      expect(report.passed.length).toBeGreaterThan(0);
    }, 600_000);

    test('every test expected-pass-cpu.txt lists still exists in the data (a renamed one would drop out silently)', () => {
      expect([...expected].filter((k) => !existsSync(join(root!, k, 'model.onnx')))).toEqual([]);
    });
  });
});
