/**
 * `npm run conformance -- --backend cpu [--filter REGEX] [--json] [--binary N] [--update-expected]`: every
 * official test whose ops backend-cpu claims (its kernel list) runs on it, compared with the expected outputs at
 * the interp runner's tolerances. Prints passed / refused / failed per op, lists every refusal, and exits 1 on a
 * failure (no test that passes on the interp may fail on cpu), a regression against expected-pass-cpu.txt, or a
 * skips-cpu.toml entry without a reason. Then, through the compiled binary, every refused test and N (default
 * 40) passing ones run with `hodu run --backend cpu`, where the interp takes the nodes cpu declines: all must pass.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaseViaBinary } from './binary';
import { buildCpuBackend } from './cpu-backend';
import { runCaseOnCpu, type CpuOutcome } from './cpu-runner';
import { DIRECTORIES, EXPECTED_PASS_CPU_FILE, loadExpectedPass, saveExpectedPass } from './expected';
import { listTests } from './runner';
import { CPU_SKIPS_FILE, loadSkips, skipProblems } from './skips';
import { HODU_BINARY } from './spawn';

export interface CpuReport {
  /** ops (joined with '+') → counts. */
  byOp: Record<string, { passed: number; refused: number; failed: number; skipped: number }>;
  passed: string[];
  refused: string[];
  failed: string[];
  skipped: string[];
  unclaimed: number;
  regressions: string[];
  unlisted: string[];
  skipIssues: string[];
  /** Through the binary (cpuBinarySample); absent when not run. */
  binary?: CpuBinaryReport;
}

export interface CpuBinaryReport {
  sampled: number;
  passed: number;
  /** Not runnable from an .npz (optional or sequence inputs), or failing through the binary on the interp too. */
  skipped: number;
  failed: string[];
}

/** Runs the claimed tests of every directory (or those matching `filter`) on a freshly built backend-cpu. */
export async function cpuConformance(root: string, filter?: RegExp, onCase?: (key: string, o: CpuOutcome) => void): Promise<CpuReport> {
  const skipText = readFileSync(CPU_SKIPS_FILE, 'utf8');
  const skips = new Map([...loadSkips(), ...loadSkips(skipText)]);
  const expected = loadExpectedPass(EXPECTED_PASS_CPU_FILE);
  const report: CpuReport = { byOp: {}, passed: [], refused: [], failed: [], skipped: [], unclaimed: 0, regressions: [], unlisted: [], skipIssues: skipProblems(loadSkips(skipText), skipText) };
  const cpu = buildCpuBackend();
  try {
    for (const dir of DIRECTORIES) {
      for (const name of listTests(join(root, dir))) {
        if (filter && !filter.test(name)) continue;
        const key = `${dir}/${name}`;
        let o: CpuOutcome;
        try {
          o = await runCaseOnCpu(join(root, dir, name), cpu);
        } catch (e) {
          o = { status: 'failed', ops: '?', reason: (e as Error).message };
        }
        if (o.status === 'unclaimed') {
          report.unclaimed++;
          if (expected.has(key)) report.regressions.push(`${key}: no longer claimed (${o.reason})`);
          continue;
        }
        // Skipped tests are still classified first, so that a skipped test that is not claimed stays uncounted.
        if (skips.has(name)) o = { status: 'skipped', ops: o.ops, reason: skips.get(name)! };
        onCase?.(key, o);
        const status = o.status as Exclude<CpuOutcome['status'], 'unclaimed'>; // unclaimed ones continued above
        const counts = (report.byOp[o.ops] ??= { passed: 0, refused: 0, failed: 0, skipped: 0 });
        counts[status]++;
        report[status].push(o.status === 'passed' ? key : `${key}: ${o.reason!.slice(0, 300)}`);
        if (o.status === 'passed' && !expected.has(key)) report.unlisted.push(key);
        if (o.status !== 'passed' && expected.has(key)) report.regressions.push(`${key}: ${o.status}${o.reason ? ` (${o.reason.slice(0, 200)})` : ''}`);
      }
    }
  } finally {
    cpu.cleanup();
  }
  return report;
}

/**
 * `hodu run --backend cpu` through the compiled binary (the embedded backend-cpu, partitioned with the interp)
 * on every refused test, which must pass there because the interp runs what cpu declines, and on `sample`
 * evenly spaced passing tests. A fresh $HODU_HOME, so that no installed build of cpu shadows the embedded one.
 * Undefined when the binary is missing.
 */
export async function cpuBinarySample(root: string, report: CpuReport, sample: number): Promise<CpuBinaryReport | undefined> {
  if (!existsSync(HODU_BINARY)) return undefined;
  const keyOf = (line: string) => line.slice(0, line.indexOf(': '));
  const step = Math.max(1, Math.floor(report.passed.length / Math.max(1, sample)));
  const passing = sample > 0 ? report.passed.filter((_, i) => i % step === 0).slice(0, sample) : [];
  const out: CpuBinaryReport = { sampled: 0, passed: 0, skipped: 0, failed: [] };
  const tmp = mkdtempSync(join(tmpdir(), 'hodu-conformance-cpu-bin-'));
  try {
    for (const key of [...report.refused.map(keyOf), ...passing]) {
      out.sampled++;
      const o = await runCaseViaBinary(join(root, key), tmp, { backend: 'cpu', env: { HODU_HOME: join(tmp, 'home') } }).catch((e) => ({ status: 'failed' as const, reason: String((e as Error).message) }));
      if (o.status === 'passed') out.passed++;
      else if (o.status === 'skipped') out.skipped++;
      // A test the binary cannot run on the interp either (its data disagrees with a declared input shape,
      // which `hodu run` checks) says nothing about cpu: counted as skipped.
      else if ((await runCaseViaBinary(join(root, key), tmp, { backend: 'interp', env: { HODU_HOME: join(tmp, 'home') } })).status === 'failed') out.skipped++;
      else out.failed.push(`${key}: ${o.reason.slice(0, 300)}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

export function printCpuReport(r: CpuReport): void {
  console.log('backend-cpu: official tests whose ops it claims\nops                                      passed  refused  failed  skipped');
  for (const [ops, c] of Object.entries(r.byOp).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${ops.slice(0, 40).padEnd(40)} ${String(c.passed).padStart(6)}  ${String(c.refused).padStart(7)}  ${String(c.failed).padStart(6)}  ${String(c.skipped).padStart(7)}`);
  }
  console.log(`${'total'.padEnd(40)} ${String(r.passed.length).padStart(6)}  ${String(r.refused.length).padStart(7)}  ${String(r.failed.length).padStart(6)}  ${String(r.skipped.length).padStart(7)}   (${r.unclaimed} tests not claimed)`);
  const list = (title: string, items: string[]) => items.length && console.log(`\n${title}:\n  ${items.join('\n  ')}`);
  list('refused (the interp runs these nodes instead)', r.refused);
  list('FAILED (pass on the interp, wrong or erroring on cpu)', r.failed);
  list('skipped (skips.toml, skips-cpu.toml)', r.skipped);
  list('REGRESSIONS (listed in expected-pass-cpu.txt, no longer passing)', r.regressions);
  if (r.unlisted.length) console.log(`\nnote: ${r.unlisted.length} passing test(s) not in expected-pass-cpu.txt; add them (--backend cpu --update-expected): ${r.unlisted.slice(0, 10).join(', ')}${r.unlisted.length > 10 ? ', …' : ''}`);
  list('skips-cpu.toml problems', r.skipIssues);
  if (r.binary) {
    const b = r.binary;
    console.log(`\nthrough the binary (hodu run --backend cpu, every refused test and a sample of passing ones): ${b.passed} passed, ${b.failed.length} failed, ${b.skipped} skipped of ${b.sampled}`);
    list('binary FAILURES', b.failed);
  }
}

/** The `--backend cpu` mode of run.ts; returns the exit status. */
export async function runCpuMode(root: string, args: { filter?: RegExp; json: boolean; updateExpected: boolean; binarySample: number }): Promise<number> {
  const report = await cpuConformance(root, args.filter);
  report.binary = await cpuBinarySample(root, report, args.binarySample);
  if (!report.binary) console.error(`${HODU_BINARY} is missing (npm run build): binary sample not run`);
  if (args.updateExpected) {
    if (args.filter) console.error('--update-expected ignores --filter runs (it would drop the other tests)');
    else saveExpectedPass(report.passed, EXPECTED_PASS_CPU_FILE);
  }
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else printCpuReport(report);
  return report.failed.length || report.regressions.length || report.skipIssues.length || report.binary?.failed.length ? 1 : 0;
}
