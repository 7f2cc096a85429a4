/**
 * Like typed-cases.ts's compareExactly, with float outputs compared at support.ts's RTOL/ATOL (NaN equal to
 * NaN) instead of exactly: for kernels whose results may differ from the interp's in the last bits (trig,
 * hyperbolic, PRelu/Mod/Sum on special values). Every input is a graph input, so the values (NaN, ±inf, −0)
 * reach the plugin: constant inputs would be folded by the host before it, even at -O 0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { Node } from '../../src/ir/graph';
import type { Tensor } from '../../src/ir/tensor';
import { buildModel, writeModelFile, writeNpzFile } from '../e2e/hodu';
import { compareTensor } from '../ops/harness';
import { ATOL, interpPartitions, RTOL, type CpuHome } from './support';
import type { Case } from './typed-cases';

/** `tol`: the rtol/atol of the float comparison (float16 outputs need about one float16 ulp, 1e-3). */
export async function compareFed(cpu: CpuHome, name: string, cases: Case[], opset = 17, cpuEnv: Record<string, string> = {}, tol = { rtol: RTOL, atol: ATOL }): Promise<string[]> {
  const nodes: Node[] = [];
  const feeds = new Map<string, Tensor>();
  const outputs = cases.map((c, i) => {
    const ins = c.inputs.map((t, j) => {
      if (!t) return '';
      feeds.set(`c${i}_${j}`, t);
      return `c${i}_${j}`;
    });
    nodes.push({ name: `n${i}`, op: c.op, domain: '', inputs: ins, outputs: [`y${i}`], attributes: c.attrs ?? {} });
    return { name: `y${i}`, type: { kind: 'tensor' as const, dtype: c.out } };
  });
  const inputs = [...feeds].map(([n, t]) => ({ name: n, type: { kind: 'tensor' as const, dtype: t.dtype, shape: [...t.dims] } }));
  const modelPath = writeModelFile(join(cpu.dir, `${name}.onnx`), buildModel({ nodes, inputs, outputs, initializers: new Map(), opset }));
  const inputPath = await writeNpzFile(join(cpu.dir, `${name}-in.npz`), feeds);
  const results: Map<string, Tensor>[] = [];
  for (const backend of ['interp', 'cpu']) {
    const out = join(cpu.dir, `${name}-${backend}.npz`);
    const r = cpu.run(['run', modelPath, '--input', inputPath, '--output', out, '--backend', backend, '--opt-level=0', '--explain'], backend === 'cpu' ? cpuEnv : {});
    if (r.code !== 0) return [`${backend} failed: ${r.stderr}`];
    if (backend === 'cpu' && interpPartitions(r.stderr).length) return interpPartitions(r.stderr);
    results.push(await loadNpz(readFileSync(out)));
  }
  return outputs.flatMap(({ name: o }, i) => {
    const want = results[0]!.get(o)!;
    const got = results[1]!.get(o);
    if (!got) return [`case ${i} ${o}: no output`];
    const why = compareTensor(got, want, tol.rtol, tol.atol);
    return why ? [`case ${i} ${o} ${cases[i]!.op}: ${why}`] : [];
  });
}
