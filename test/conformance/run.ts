/**
 * `npm run conformance [-- --filter REGEX] [--json]`: runs the official ONNX test directories on the interp and
 * prints passed/failed/skipped per directory plus failures grouped by op.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { listTests, modelOps, runCase, type Outcome } from './runner';
import { loadSkips } from './skips';
import { onnxTestDataDir } from './testdata';

const args = process.argv.slice(2);
const filterIdx = args.indexOf('--filter');
const filter = filterIdx >= 0 ? new RegExp(args[filterIdx + 1]!) : undefined;
const json = args.includes('--json');
const root = onnxTestDataDir();
if (!root) {
  console.error('ONNX test data not found: run `npm run testdata` (needs apt-get) or set HODU_ONNX_TESTDATA');
  process.exit(1);
}
const skips = loadSkips();
const report: Record<string, { passed: number; failed: number; skipped: number; failures: Record<string, string[]>; unsupported: Record<string, number> }> = {};
for (const dir of ['node', 'pytorch-converted', 'pytorch-operator', 'simple']) {
  const r = (report[dir] = { passed: 0, failed: 0, skipped: 0, failures: {} as Record<string, string[]>, unsupported: {} as Record<string, number> });
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
    }
    r[outcome.status]++;
    if (outcome.status !== 'passed') {
      let ops = 'unknown';
      try {
        ops = [...modelOps(decodeModel(readFileSync(join(root, dir, name, 'model.onnx')), { loadExternalData: false }))].join('+');
      } catch {}
      if (outcome.status === 'failed') (r.failures[ops] ??= []).push(`${name}: ${outcome.reason.slice(0, 200)}`);
      else if (outcome.reason.startsWith('unsupported op')) {
        for (const op of outcome.reason.replace('unsupported op ', '').split(', ')) r.unsupported[op] = (r.unsupported[op] ?? 0) + 1;
      }
    }
  }
}
if (json) console.log(JSON.stringify(report, null, 2));
else {
  console.log('directory            passed  failed  skipped');
  for (const [dir, r] of Object.entries(report)) console.log(`${dir.padEnd(20)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}`);
  for (const [dir, r] of Object.entries(report)) {
    const groups = Object.entries(r.failures);
    if (groups.length) {
      console.log(`\nfailures in ${dir}:`);
      for (const [ops, list] of groups) console.log(`  ${ops}\n    ${list.join('\n    ')}`);
    }
    const unsup = Object.entries(r.unsupported).sort((a, b) => b[1] - a[1]);
    if (unsup.length) console.log(`\nunsupported ops in ${dir}: ${unsup.map(([op, n]) => `${op}(${n})`).join(' ')}`);
  }
}
