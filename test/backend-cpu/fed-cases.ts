/**
 * Like typed-cases.ts's compareExactly (the same runOnBoth), with float outputs compared at support.ts's RTOL/ATOL (NaN equal to
 * NaN) instead of exactly: for kernels whose results may differ from the interp's in the last bits (trig,
 * hyperbolic, PRelu/Mod/Sum on special values). Every input is a graph input, so the values (NaN, ±inf, −0)
 * reach the plugin: constant inputs would be folded by the host before it, even at -O 0.
 */
import { compareTensor } from '../ops/harness';
import { ATOL, RTOL, type CpuHome } from './support';
import { runOnBoth, type Case } from './typed-cases';

/** `tol`: the rtol/atol of the float comparison (float16 outputs need about one float16 ulp, 1e-3). */
export async function compareFed(cpu: CpuHome, name: string, cases: Case[], opset = 17, cpuEnv: Record<string, string> = {}, tol = { rtol: RTOL, atol: ATOL }): Promise<string[]> {
  const ran = await runOnBoth(cpu, name, cases, opset, cpuEnv);
  if (Array.isArray(ran)) return ran;
  return ran.outputs.flatMap(({ name: o, case: i }) => {
    const want = ran.interp.get(o)!;
    const got = ran.cpu.get(o);
    if (!got) return [`case ${i} ${o}: no output`];
    const why = compareTensor(got, want, tol.rtol, tol.atol);
    return why ? [`case ${i} ${o} ${cases[i]!.op}: ${why}`] : [];
  });
}
