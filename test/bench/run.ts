/**
 * `npm run bench`: hodu vs onnxruntime-node, per model, in one run — the generated models, MatMul 1024³, a 3×3
 * conv 64ch@56² and the real models (when fetched) — then the sgemm's GFLOP/s next to one core's measured FMA
 * peak. hodu runs each model as `hodu run` would, on backend-cpu partitioned with the interp (the table says
 * where the nodes ran: cpu, interp, or 'cpu 12/15' nodes), or on the interp alone without backend-cpu;
 * hodu and onnxruntime each at 1 and 2 threads (hodu: the session's --threads; backend-cpu splits its
 * large ops between them, the interp its large MatMul/Gemm/Conv). Every engine is timed in-process on session.run alone (loading and
 * planning excluded), median of the runs after a warm-up, same inputs; ratio = hodu / onnxruntime
 * (lower is better). Outputs are compared first, so a fast wrong answer shows. Prints numbers, asserts nothing.
 *   bun test/bench/run.ts [--runs N] [--filter REGEX] [--no-real] [--no-peak] [--no-build] [--from-source]
 * --no-build: skip the `hodu build` table (test/bench/build.ts: built .so vs cpu, build and cache-hit times).
 * --from-source: measure backend-cpu built from this checkout, not the one hodu has installed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendSession } from '../../src/sdk/backend';
import { latencyStats } from '../../src/runtime/benchmark-stats';
import type { PartitionReport } from '../../src/runtime/partition/report';
import { prepareModel } from '../../src/runtime/prepare';
import { createRunSession } from '../../src/runtime/run-model';
import { benchCases, decodeCase } from './cases';
import { compareOutputs, cpuEngine, interpEngine, ortFeeds, ortSession, type HoduEngine } from './engines';
import { benchBuilds, type BuildBenchCase } from './build';
import { measureGemmVsPeak } from './peak';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(flag('--runs') ?? 0) || 30;
const filter = flag('--filter') ? new RegExp(flag('--filter')!) : undefined;
/** Per engine and model: stop measuring after this long once 5 runs are in (slow interp models). */
const BUDGET_MS = 3000;
const WARMUP = 3;
const work = mkdtempSync(join(tmpdir(), 'hodu-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < runs && !(samples.length >= 5 && performance.now() - start > BUDGET_MS)) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return latencyStats(samples).median_ms;
}

/** 'cpu' when every node ran on it, 'interp' when none did, else 'cpu 12/15' (nodes on cpu / all run). */
function backendLabel(name: string, report: PartitionReport | undefined): string {
  if (!report) return name;
  const on = (b: string) => report.partitions.filter((p) => p.backend === b).reduce((n, p) => n + p.nodes, 0);
  const native = on(report.native);
  const total = report.partitions.reduce((n, p) => n + p.nodes, 0);
  return native === total ? name : native === 0 ? 'interp' : `${name} ${native}/${total}`;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

const cpu = await cpuEngine(work, args.includes('--from-source'));
const engines: HoduEngine[] = [...('skipped' in cpu ? [] : [cpu]), await interpEngine()];
const cpuLine = 'skipped' in cpu ? `hodu cpu: not measured: ${cpu.skipped}` : `hodu cpu: ${cpu.origin}`;
console.error(cpuLine);

type Row = { model: string; backend: string; hodu: number; hodu2: number; ort1: number; ort2: number; diff: string; flops?: number };
const rows: Row[] = [];
const builds: BuildBenchCase[] = [];
for (const c of (await benchCases(work, { real: !args.includes('--no-real') })).filter((x) => !filter || filter.test(x.name))) {
  // -O2, hodu run's default (onnxruntime applies its own graph optimizations by default too).
  const model = prepareModel(decodeCase(c), 2);
  const feeds = c.feeds(model);
  let chosen: { name: string; session: BackendSession; session2: BackendSession; outputs: Map<string, unknown> } | undefined;
  for (const e of engines) {
    let session: BackendSession | undefined;
    try {
      // As `hodu run` makes it: a native backend runs the nodes it has kernels for, the interp the rest.
      const made = await createRunSession(model, e.backend, { threads: 1 });
      session = made.session;
      await session.prepare?.(feeds);
      const outputs = await session.run(feeds);
      const session2 = (await createRunSession(model, e.backend, { threads: 2 })).session;
      await session2.prepare?.(feeds);
      await session2.run(feeds);
      chosen = { name: backendLabel(e.backend.name, made.partitioned?.explain()), session, session2, outputs };
      break;
    } catch (err) {
      session?.dispose?.();
      console.error(`${c.name}: not on ${e.backend.name}: ${message(err)}`);
    }
  }
  if (!chosen) continue;
  const [ort1, ort2] = [await ortSession(c.path, 1), await ortSession(c.path, 2)];
  const of = ortFeeds(feeds);
  const { maxDiff, ok } = compareOutputs(chosen.outputs, await ort1.run(of));
  const { session, session2 } = chosen;
  const row: Row = {
    model: c.name,
    backend: chosen.name,
    hodu: await medianMs(() => session.run(feeds)),
    hodu2: await medianMs(() => session2.run(feeds)),
    ort1: await medianMs(() => ort1.run(of)),
    ort2: await medianMs(() => ort2.run(of)),
    diff: `${maxDiff.toExponential(1)}${ok ? '' : ' MISMATCH'}`,
    flops: c.flops,
  };
  session.dispose?.();
  session2.dispose?.();
  await ort1.release();
  await ort2.release();
  rows.push(row);
  if (row.backend === 'cpu') {
    // A fresh cpu session, made as above, to time side by side with the built model (build.ts interleaves them).
    const cpuSession = async (threads: number) => {
      const made = (await createRunSession(model, (cpu as HoduEngine).backend, { threads })).session;
      await made.prepare?.(feeds);
      return made;
    };
    builds.push({ name: c.name, path: c.path, feeds, outputs: chosen.outputs, cpuSession, ort1: row.ort1, ort2: row.ort2 });
  }
  console.error(`measured ${row.model} on ${row.backend}: ${row.hodu.toFixed(3)} / ${row.hodu2.toFixed(3)} ms; onnxruntime ${row.ort1.toFixed(3)} / ${row.ort2.toFixed(3)} ms`);
}

const ratio = (a: number, b: number) => (a / b).toFixed(2);
const table: string[][] = [['model', 'hodu on', 'hodu 1t (ms)', 'ort 1t (ms)', 'ratio 1t', 'hodu 2t (ms)', 'ort 2t (ms)', 'ratio 2t', 'max |diff|']];
for (const r of rows) table.push([r.model, r.backend, r.hodu.toFixed(3), r.ort1.toFixed(3), ratio(r.hodu, r.ort1), r.hodu2.toFixed(3), r.ort2.toFixed(3), ratio(r.hodu2, r.ort2), r.diff]);
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
console.log(`\nhodu vs onnxruntime-node: median of up to ${runs} runs (at least 5, ~${BUDGET_MS / 1000} s per engine) after ${WARMUP} warm-up runs; ratio = hodu / onnxruntime (lower is better)\n`);
console.log(`${cpuLine}\n`);
for (const r of table) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
const hoduAt = (r: Row, k: 'ort1' | 'ort2') => (k === 'ort1' ? r.hodu : r.hodu2);
const within = (k: 'ort1' | 'ort2') => rows.filter((r) => hoduAt(r, k) <= r[k]).length;
const geomean = (k: 'ort1' | 'ort2') => Math.exp(rows.reduce((s, r) => s + Math.log(hoduAt(r, k) / r[k]), 0) / Math.max(1, rows.length));
if (rows.length) console.log(`\nratio ≤ 1.0 on ${within('ort1')}/${rows.length} at 1 thread, ${within('ort2')}/${rows.length} at 2; geometric mean ${geomean('ort1').toFixed(2)} / ${geomean('ort2').toFixed(2)}`);
console.log('  max |diff| is against onnxruntime at 1 thread; MISMATCH: outside rtol 1e-3, atol 1e-4 (float16 outputs: rtol 5e-3, atol 1e-3).');
for (const r of rows.filter((x) => x.flops)) console.log(`  ${r.model} on hodu ${r.backend}: ${(r.flops! / r.hodu / 1e6).toFixed(1)} GFLOP/s end to end at 1 thread, ${(r.flops! / r.hodu2 / 1e6).toFixed(1)} at 2 (onnxruntime: ${(r.flops! / r.ort1 / 1e6).toFixed(1)}, ${(r.flops! / r.ort2 / 1e6).toFixed(1)})`);

if (!args.includes('--no-build')) await benchBuilds(work, builds, { runs, warmup: WARMUP, budgetMs: BUDGET_MS });

if (!args.includes('--no-peak')) {
  const g = measureGemmVsPeak(work);
  if ('skipped' in g) console.log(`\nsgemm vs peak: skipped (${g.skipped})`);
  else {
    console.log(`\nsgemm ${g.sgemmLine}`);
    console.log(`FMA ${g.peakLine} (plugins/backend-cpu/bench/peak.c)`);
    console.log(`sgemm at ${((g.sgemmGflops / g.peakGflops) * 100).toFixed(0)} % of one core's measured FMA peak (target ≥ 85 %)`);
  }
}
