/**
 * The GEMM next to this machine's ceiling, for `npm run bench`: compiles plugins/backend-cpu/bench/peak.c
 * (one core's measured FMA peak) with -march=native and bench/sgemm-bench.c (the plugin's sgemm alone, with
 * the same flags `hodu plugin install` uses: no -march, the kernel is chosen at run time by cpuid), runs
 * both, and parses their GFLOP/s. Needs `cc`; returns undefined (with the reason) without one.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PLUGIN = join(import.meta.dir, '..', '..', 'plugins', 'backend-cpu');

export interface GemmVsPeak {
  peakGflops: number;
  peakLine: string;
  sgemmGflops: number;
  sgemmLine: string;
}

function sh(cmd: string[]): string {
  const r = Bun.spawnSync(cmd, { cwd: PLUGIN, stdout: 'pipe', stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`${cmd.join(' ')} failed:\n${r.stderr.toString()}`);
  return r.stdout.toString();
}

function gflops(line: string, what: string): number {
  const m = /([\d.]+) GFLOP\/s/.exec(line);
  if (!m) throw new Error(`no GFLOP/s in the ${what} output: ${line}`);
  return Number(m[1]);
}

export function measureGemmVsPeak(work: string, n = 1024): GemmVsPeak | { skipped: string } {
  if (!Bun.which('cc')) return { skipped: 'no C compiler (cc) on PATH' };
  const dir = join(work, 'peak');
  mkdirSync(dir, { recursive: true });
  const peak = join(dir, 'peak');
  try {
    sh(['cc', '-std=c11', '-O2', '-march=native', '-o', peak, 'bench/peak.c']);
  } catch {
    // A compiler without -march=native: the portable build (measures less than the true peak; it says which).
    sh(['cc', '-std=c11', '-O2', '-o', peak, 'bench/peak.c']);
  }
  const peakOut = sh([peak]).trim().split('\n');
  const peakLine = peakOut.find((l) => l.startsWith('peak:')) ?? peakOut.join('; ');
  const sgemm = join(dir, 'sgemm-bench');
  // The plugin's own sources and flags (as the C test drivers are built), so a new file sgemm needs is linked.
  const native = JSON.parse(readFileSync(join(PLUGIN, 'package.json'), 'utf8')).hodu.native as { sources: string[]; cflags?: string[]; ldflags?: string[] };
  const ffi = join(PLUGIN, '..', '..', 'ffi');
  sh(['cc', '-O2', `-I${ffi}`, ...(native.cflags ?? []), '-o', sgemm, 'bench/sgemm-bench.c', ...native.sources, ...(native.ldflags ?? [])]);
  const sgemmLine = sh([sgemm, String(n)]).trim();
  return { peakGflops: gflops(peakLine, 'peak'), peakLine, sgemmGflops: gflops(sgemmLine, 'sgemm'), sgemmLine };
}
