/**
 * The official ONNX backend tests on backend-cpu (`npm run conformance -- --backend cpu`): every test whose
 * ops the plugin's kernel list claims runs on it and must give the expected outputs at the interp runner's
 * tolerances. A refusal (at create(), or no kernel for the node's dtypes) is reported, not failed; a test
 * listed in expected-pass-cpu.txt that no longer passes is a regression. Through the compiled binary, every
 * refused test and a sample of passing ones must pass with `hodu run --backend cpu` (the interp takes what cpu
 * declines). Needs a C compiler (skipped with the reason without one, failing under CI=true) and the test data
 * (`npm run testdata`).
 */
import { describe, expect, test } from 'bun:test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBinary } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';
import { EXPECTED_PASS_CPU_FILE, loadExpectedPass } from './expected';
import { cpuBinarySample, cpuConformance, printCpuReport, type CpuReport } from './run-cpu';
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
    let run: CpuReport | undefined;
    const cpuReport = async () => (run ??= await cpuConformance(root!));

    test('no failure, no regression against expected-pass-cpu.txt', async () => {
      const report = await cpuReport();
      printCpuReport(report);
      expect({ failed: report.failed, regressions: report.regressions, skipIssues: report.skipIssues }).toEqual({ failed: [], regressions: [], skipIssues: [] });
      expect(report.passed.length).toBeGreaterThan(0);
    }, 600_000);

    test('through the binary: every refused test and 40 passing ones pass with hodu run --backend cpu', async () => {
      requireBinary();
      const b = (await cpuBinarySample(root!, await cpuReport(), 40))!;
      console.log(`hodu run --backend cpu: ${b.passed} passed, ${b.failed.length} failed, ${b.skipped} skipped of ${b.sampled}`);
      expect(b.failed).toEqual([]);
      expect(b.passed).toBeGreaterThan(40);
    }, 600_000);

    test('every test expected-pass-cpu.txt lists still exists in the data (a renamed one would drop out silently)', () => {
      expect([...expected].filter((k) => !existsSync(join(root!, k, 'model.onnx')))).toEqual([]);
    });
  });
});
