/**
 * `npm run conformance [-- --filter REGEX] [--json] [--binary N] [--update-expected] [--backend cpu]`: runs the official ONNX
 * test directories on the interp through the public API, and an evenly spaced sample of N tests (default 40)
 * through the compiled binary (`hodu run model.onnx --input in.npz --output out.npz`). Prints passed/failed/
 * skipped per directory plus failures grouped by op. Exits 1 on a failure, a regression against
 * expected-pass.txt, or a skip without a reason. `--backend cpu` runs the tests backend-cpu claims on it
 * instead (run-cpu.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { runCaseViaBinary } from './binary';
import { runCpuMode } from './run-cpu';
import { DIRECTORIES, loadExpectedPass, saveExpectedPass } from './expected';
import { listTests, modelOps, runCase, type Outcome } from './runner';
import { loadSkips, skipProblems } from './skips';
import { HODU_BINARY } from './spawn';
import { onnxTestDataDir } from './testdata';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const filter = flag('filter') !== undefined ? new RegExp(flag('filter')!) : undefined;
const json = args.includes('--json');
const binarySample = Number(flag('binary') ?? 40);
const root = onnxTestDataDir();
if (!root) {
  console.error('ONNX test data not found: run `npm run testdata` (needs apt-get) or set HODU_ONNX_TESTDATA');
  process.exit(1);
}
const backend = flag('backend') ?? 'interp';
if (backend === 'cpu') process.exit(await runCpuMode(root, { filter, json, updateExpected: args.includes('--update-expected'), binarySample }));
if (backend !== 'interp') {
  console.error(`--backend ${backend}: the conformance runner knows interp (default) and cpu`);
  process.exit(2);
}
const skips = loadSkips();
const expected = loadExpectedPass();
type DirReport = { passed: number; failed: number; skipped: number; failures: Record<string, string[]>; skips: Record<string, string> };
const report: Record<string, DirReport> = {};
const passedNames: string[] = [];
const regressions: string[] = [];
const unlisted: string[] = [];
const all: { dir: string; name: string; status: Outcome['status'] }[] = [];

for (const dir of DIRECTORIES) {
  const r: DirReport = (report[dir] = { passed: 0, failed: 0, skipped: 0, failures: {}, skips: {} });
  for (const name of listTests(join(root, dir))) {
    if (filter && !filter.test(name)) continue;
    let outcome: Outcome;
    if (skips.has(name)) outcome = { status: 'skipped', reason: skips.get(name)! };
    else {
      try {
        outcome = await runCase(join(root, dir, name));
      } catch (e) {
        outcome = { status: 'failed', reason: String((e as Error).message) };
      }
      // A test that is not in skips.toml must pass: an unsupported op there is a failure.
      if (outcome.status === 'skipped') outcome = { status: 'failed', reason: `${outcome.reason} (not in skips.toml)` };
    }
    r[outcome.status]++;
    all.push({ dir, name, status: outcome.status });
    const key = `${dir}/${name}`;
    if (outcome.status === 'passed') {
      passedNames.push(key);
      if (!expected.has(key)) unlisted.push(key);
    } else if (expected.has(key)) regressions.push(`${key}: ${outcome.status === 'failed' ? outcome.reason.slice(0, 200) : 'now skipped'}`);
    if (outcome.status === 'failed') (r.failures[opsOf(join(root, dir, name))] ??= []).push(`${name}: ${outcome.reason.slice(0, 200)}`);
    if (outcome.status === 'skipped') r.skips[name] = outcome.reason;
  }
}

// The binary sample: every k-th passing test, spread across the directories.
const binary = { sampled: 0, passed: 0, failed: [] as string[], skipped: 0 };
if (binarySample > 0 && existsSync(HODU_BINARY)) {
  const candidates = all.filter((t) => t.status === 'passed');
  const step = Math.max(1, Math.floor(candidates.length / binarySample));
  const tmp = mkdtempSync(join(tmpdir(), 'hodu-conformance-'));
  for (let i = 0; i < candidates.length && binary.sampled < binarySample; i += step) {
    const t = candidates[i]!;
    binary.sampled++;
    const o = await runCaseViaBinary(join(root, t.dir, t.name), tmp).catch((e): Outcome => ({ status: 'failed', reason: String((e as Error).message) }));
    if (o.status === 'passed') binary.passed++;
    else if (o.status === 'skipped') binary.skipped++;
    else binary.failed.push(`${t.dir}/${t.name}: ${o.reason.slice(0, 200)}`);
  }
  rmSync(tmp, { recursive: true, force: true });
} else if (binarySample > 0) console.error(`${HODU_BINARY} is missing (npm run build): binary sample not run`);

const skipIssues = skipProblems(skips);
if (args.includes('--update-expected')) {
  if (filter) console.error('--update-expected ignores --filter runs (it would drop the other tests)');
  else saveExpectedPass(passedNames);
}

if (json) console.log(JSON.stringify({ directories: report, binary, regressions, unlisted, skipIssues }, null, 2));
else {
  console.log('directory            passed  failed  skipped   total');
  for (const [dir, r] of Object.entries(report)) {
    const total = r.passed + r.failed + r.skipped;
    console.log(`${dir.padEnd(20)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}  ${String(total).padStart(6)}`);
  }
  if (binary.sampled) console.log(`binary (hodu run)    ${String(binary.passed).padStart(6)}  ${String(binary.failed.length).padStart(6)}  ${String(binary.skipped).padStart(7)}  ${String(binary.sampled).padStart(6)}  (sample of passing tests)`);
  for (const [dir, r] of Object.entries(report)) {
    const groups = Object.entries(r.failures);
    if (groups.length) {
      console.log(`\nfailures in ${dir}, by op:`);
      for (const [ops, list] of groups) console.log(`  ${ops}\n    ${list.join('\n    ')}`);
    }
  }
  if (binary.failed.length) console.log(`\nbinary failures:\n  ${binary.failed.join('\n  ')}`);
  if (regressions.length) console.log(`\nREGRESSIONS (listed in expected-pass.txt, no longer passing):\n  ${regressions.join('\n  ')}`);
  if (unlisted.length && !args.includes('--update-expected')) console.log(`\nnote: ${unlisted.length} passing test(s) not in expected-pass.txt; add them (npm run conformance -- --update-expected): ${unlisted.slice(0, 10).join(', ')}${unlisted.length > 10 ? ', …' : ''}`);
  if (skipIssues.length) console.log(`\nskips.toml problems:\n  ${skipIssues.join('\n  ')}`);
}
const failed = Object.values(report).some((r) => r.failed > 0) || binary.failed.length > 0 || regressions.length > 0 || skipIssues.length > 0;
process.exit(failed ? 1 : 0);

function opsOf(caseDir: string): string {
  try {
    return [...modelOps(decodeModel(readFileSync(join(caseDir, 'model.onnx')), { loadExternalData: false }))].join('+');
  } catch {
    return 'unknown';
  }
}
