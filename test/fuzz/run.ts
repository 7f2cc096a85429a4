/**
 * `npm run fuzz [-- --seed N --cases N --format onnx,npy --binary N --timeout MS --no-save --json]`:
 * mutates and truncates valid .onnx/.npy/.npz/.safetensors files and checks that every case ends in success
 * or a HoduError, never an uncaught exception, a hang or an unbounded allocation. Exit 1 when a bug is found
 * (its input is written to test/fuzz/regressions/, replayed by test/unit/fuzz-regressions.test.ts).
 */
import { existsSync } from 'node:fs';
import { fuzz, HODU_BINARY } from './fuzz';
import { FORMATS, type FuzzFormat } from './seeds';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const formats = flag('format', FORMATS.join(',')).split(',') as FuzzFormat[];
for (const f of formats) {
  if (!FORMATS.includes(f)) {
    console.error(`unknown format '${f}' (formats: ${FORMATS.join(', ')})`);
    process.exit(2);
  }
}
let binaryCases = Number(flag('binary', '100'));
if (binaryCases > 0 && !existsSync(HODU_BINARY)) {
  console.error(`${HODU_BINARY} is missing (npm run build); fuzzing the loaders in-process only`);
  binaryCases = 0;
}
const started = performance.now();
const report = await fuzz({
  seed: Number(flag('seed', '1')),
  cases: Number(flag('cases', '10000')),
  formats,
  timeoutMs: Number(flag('timeout', '10000')),
  maxRssBytes: Number(flag('max-rss-mb', '3072')) * 2 ** 20,
  binaryCases,
  binaryTimeoutMs: Number(flag('binary-timeout', '30000')),
  saveRegressions: !args.includes('--no-save'),
  log: args.includes('--json') ? undefined : (line) => console.error(line),
});
const bugs = report.formats.flatMap((f) => f.bugs);
if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  console.log(`seed ${report.seed}, ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${mib(report.peakRssBytes)} (in-process)`);
  console.log('format        cases   loaded  HoduError  bugs   binary runs (ok/err)  binary peak RSS');
  for (const f of report.formats) {
    const errs = Object.values(f.errors).reduce((a, b) => a + b, 0);
    console.log(`${f.format.padEnd(12)} ${String(f.cases).padStart(6)}  ${String(f.ok).padStart(7)}  ${String(errs).padStart(9)}  ${String(f.bugs.length).padStart(4)}   ${String(f.binary.runs).padStart(5)} (${f.binary.ok}/${f.binary.errors})`.padEnd(82) + mib(f.binary.peakRssBytes));
  }
  for (const f of report.formats) {
    const codes = Object.entries(f.errors).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
    if (codes) console.log(`  ${f.format} errors: ${codes}`);
    const wrapped = Object.entries(f.wrapped).map(([c, n]) => `${c} ${n}`).join(', ');
    if (wrapped) console.log(`  ${f.format} HoduErrors wrapping a plain JS error: ${wrapped}\n    ${f.wrappedSamples.map((w) => `case ${w.index}: ${w.message}`).join('\n    ')}`);
  }
  for (const b of bugs) console.log(`BUG ${b.format} case ${b.index} (${b.via}): ${b.message}${b.file ? `\n    saved as ${b.file}` : ''}`);
}
process.exit(bugs.length ? 1 : 0);
