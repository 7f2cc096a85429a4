/**
 * The `hodu build` part of `npm run bench`: for each model that ran wholly on backend-cpu, the same model built
 * ahead of time (`hodu build M -o m.so --shape …`, by a hodu binary compiled from this checkout, whose embedded
 * cpu backend is this checkout's) and run in-process through its C API (src/runtime/artifact), timed run by
 * run in alternation with a fresh `hodu run --backend cpu` session of the same model, and set against
 * onnxruntime from the main table. Then what a build
 * costs: the first build (a miss; the first one also compiles the kernel library) and a second build of the
 * same model (a cache hit), each as the wall time of the whole `hodu build` process a user waits for.
 * Prints numbers, asserts nothing.
 */
import { join } from 'node:path';
import { builtModelBackend, readBuiltModel } from '../../src/runtime/artifact/index';
import { latencyStats } from '../../src/runtime/benchmark-stats';
import type { BackendSession, RuntimeValue } from '../../src/sdk/backend';
import { toNumbers, type Tensor } from '../../src/ir/tensor';

const ROOT = join(import.meta.dir, '..', '..');

/** A model of the main table that ran wholly on cpu, with its feeds and the times measured there. */
export interface BuildBenchCase {
  name: string;
  path: string;
  feeds: Map<string, Tensor>;
  /** Outputs of `hodu run --backend cpu`, which the built model's must equal. */
  outputs: Map<string, unknown>;
  /** A new `hodu run --backend cpu` session (prepared for the feeds), timed side by side with the built model. */
  cpuSession: (threads: number) => Promise<BackendSession>;
  ort1: number;
  ort2: number;
}

/** How the main table times an engine, reused here. */
interface Timing {
  runs: number;
  warmup: number;
  budgetMs: number;
}

/**
 * Median latencies of two sessions on the same feeds, timed run by run in alternation (a b, b a, a b, …) so
 * that the machine's drift (other processes, clock frequency, the page cache) lands on both alike. Timed one
 * after the other, minutes apart as in the main table, a 10% gap between two runs of the same kernels was
 * noise as often as not. Each run's process CPU time is kept too: on a machine busy with other work, wall time
 * also counts the time the run waited for a core, CPU time only the work done.
 */
async function sideBySide(a: BackendSession, b: BackendSession, feeds: Map<string, RuntimeValue>, t: Timing): Promise<{ wall: [number, number]; cpu: [number, number] }> {
  for (let i = 0; i < t.warmup; i++) {
    await a.run(feeds);
    await b.run(feeds);
  }
  const samples: [number[], number[]] = [[], []];
  const cpuSamples: [number[], number[]] = [[], []];
  const start = performance.now();
  // Slow models stop after both engines' budget once each has 5 samples, as the main table does.
  for (let i = 0; i < t.runs && !(i >= 5 && performance.now() - start > 2 * t.budgetMs); i++) {
    for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const [t0, u0] = [performance.now(), process.cpuUsage()];
      await (k === 0 ? a : b).run(feeds);
      samples[k]!.push(performance.now() - t0);
      const u = process.cpuUsage(u0);
      cpuSamples[k]!.push((u.user + u.system) / 1000);
    }
  }
  const median = (x: number[]) => latencyStats(x).median_ms;
  return { wall: [median(samples[0]), median(samples[1])], cpu: [median(cpuSamples[0]), median(cpuSamples[1])] };
}

/** Compiles hodu from this checkout into `work`; undefined (with the reason printed) when that fails. */
function compileHodu(work: string): string | undefined {
  const out = join(work, 'hodu');
  const r = Bun.spawnSync([process.execPath, join(ROOT, 'build.ts'), '--quiet', '--outfile', out], { cwd: ROOT, stdout: 'pipe', stderr: 'pipe' });
  if (r.exitCode === 0) return out;
  console.log(`\nhodu build: not measured (compiling hodu failed: ${r.stderr.toString().trim().split('\n').pop()})`);
  return undefined;
}

/** Runs `hodu build`, returning the process's wall time in ms, or the error's first line. */
function timedBuild(hodu: string, env: Record<string, string>, c: BuildBenchCase, out: string): number | string {
  const shapes = [...c.feeds].filter(([, t]) => t.dims.length > 0).flatMap(([name, t]) => ['--shape', `${name}=${t.dims.join('x')}`]);
  const t0 = performance.now();
  const r = Bun.spawnSync([hodu, 'build', c.path, '-o', out, ...shapes, '--json'], { env, stdout: 'pipe', stderr: 'pipe' });
  const ms = performance.now() - t0;
  if (r.exitCode === 0) return ms;
  const text = `${r.stdout.toString()}${r.stderr.toString()}`;
  return (/"message":\s*"([^"]*)"/.exec(text)?.[1] ?? text.trim()).split('\n')[0]!;
}

async function sessionAt(lib: string, threads: number, feeds: Map<string, RuntimeValue>): Promise<{ session: BackendSession; outputs: Map<string, RuntimeValue> }> {
  const d = readBuiltModel(lib);
  const session = await builtModelBackend(d).createSession({} as never, { threads });
  return { session, outputs: await session.run(feeds) };
}

/** Largest |built − cpu| over every output (Infinity when one is missing or shaped otherwise). */
function maxDiff(built: Map<string, RuntimeValue>, cpu: Map<string, unknown>): number {
  let worst = 0;
  for (const [name, want] of cpu) {
    const got = built.get(name) as Tensor | undefined;
    const w = want as Tensor;
    if (!got || got.dims.join() !== w.dims.join()) return Infinity;
    const [x, y] = [toNumbers(got), toNumbers(w)];
    for (let i = 0; i < y.length; i++) worst = Math.max(worst, Number.isNaN(x[i]! - y[i]!) ? (Number.isNaN(x[i]!) && Number.isNaN(y[i]!) ? 0 : Infinity) : Math.abs(x[i]! - y[i]!));
  }
  return worst;
}

export async function benchBuilds(work: string, cases: BuildBenchCase[], timing: Timing): Promise<void> {
  if (!cases.length) return;
  const hodu = compileHodu(work);
  if (!hodu) return;
  // One HODU_HOME for every build: the kernel library compiles once (in the first build), as for a user.
  const env = { ...(process.env as Record<string, string>), HODU_HOME: join(work, 'build-home'), NO_COLOR: '1' };
  const table: string[][] = [['model', 'built 1t (ms)', 'cpu 1t', 'built/cpu', 'built/ort', 'built 2t (ms)', 'cpu 2t', 'built/cpu', 'built/ort', 'CPU time built/cpu 1t', '2t', 'build (s)', 'cache hit (ms)', 'max |diff| vs cpu']];
  const hits: number[] = [];
  for (const c of cases) {
    const lib = join(work, `${c.name.replace(/[^\w.-]+/g, '_')}.so`);
    const first = timedBuild(hodu, env, c, lib);
    if (typeof first === 'string') {
      console.error(`${c.name}: hodu build failed: ${first}`);
      continue;
    }
    // The second build of the same model: a cache hit; the median of 5 (process start included).
    const again: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = timedBuild(hodu, env, c, lib);
      if (typeof t === 'number') again.push(t);
    }
    const hit = again.length ? latencyStats(again).median_ms : NaN;
    if (again.length) hits.push(hit);
    const { session: s1, outputs } = await sessionAt(lib, 1, c.feeds);
    const { session: s2 } = await sessionAt(lib, 2, c.feeds);
    const diff = maxDiff(outputs, c.outputs);
    const [c1, c2] = [await c.cpuSession(1), await c.cpuSession(2)];
    const one = await sideBySide(s1, c1, c.feeds, timing);
    const two = await sideBySide(s2, c2, c.feeds, timing);
    const [[b1, cpu1], [b2, cpu2]] = [one.wall, two.wall];
    for (const s of [s1, s2, c1, c2]) s.dispose?.();
    const r = (a: number, b: number) => (a / b).toFixed(2);
    table.push([c.name, b1.toFixed(3), cpu1.toFixed(3), r(b1, cpu1), r(b1, c.ort1), b2.toFixed(3), cpu2.toFixed(3), r(b2, cpu2), r(b2, c.ort2), r(one.cpu[0], one.cpu[1]), r(two.cpu[0], two.cpu[1]), (first / 1000).toFixed(1), hit.toFixed(0), diff.toExponential(1)]);
    console.error(`built ${c.name}: ${b1.toFixed(3)} / ${b2.toFixed(3)} ms; build ${(first / 1000).toFixed(1)} s, cache hit ${hit.toFixed(0)} ms`);
  }
  if (table.length === 1) return;
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  console.log('\nhodu build: the model built into a .so and run through its C API in-process, timed run by run in alternation with a `hodu run --backend cpu` session of the same model (medians); built/ort against onnxruntime above\n');
  for (const row of table) console.log(row.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  '));
  const built = table.slice(1);
  const atMost = (col: number) => built.filter((row) => Number(row[col]) <= 1).length;
  console.log(`\nbuilt ≤ cpu on ${atMost(3)}/${built.length} at 1 thread, ${atMost(7)}/${built.length} at 2 by wall time; by CPU time ${atMost(9)}/${built.length} and ${atMost(10)}/${built.length}; a cache hit (a second \`hodu build\` of the same model, whole process) takes ${Math.min(...hits).toFixed(0)}–${Math.max(...hits).toFixed(0)} ms`);
  console.log('  CPU time: the median process CPU time (user + system) of a run, the same runs: what the run cost, without the waits for a core that a busy machine adds to wall time.');
  console.log('  build (s): the first build of each model, a miss (the first row also compiles the kernel library once for this machine).');
}
