/**
 * Cases of any dtype for backend-cpu: one node each, every input a graph input fed the given tensor (or a
 * weight when `weights` names it), compared exactly (as strings, so NaN equals NaN) between cpu and interp.
 * A node the plugin refused (run on the interp) is a mismatch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { DType } from '../../src/ir/dtype';
import type { Attribute, Node } from '../../src/ir/graph';
import type { Tensor } from '../../src/ir/tensor';
import { buildModel, writeModelFile, writeNpzFile } from '../e2e/hodu';
import { interpPartitions, type CpuHome } from './support';

/** `outputs`: how many outputs the node has (default 1; Split has several), all of dtype `out`. */
export interface Case { op: string; inputs: (Tensor | null)[]; out: DType; attrs?: Record<string, Attribute>; weights?: number[]; outputs?: number }

/**
 * Builds one model of the cases (graph inputs fed, `weights` as initializers), runs it on the interp and on cpu at
 * -O 0, and returns both runs' outputs, or why they cannot be compared (a failed run, a node cpu refused).
 */
export async function runOnBoth(cpu: CpuHome, name: string, cases: Case[], opset: number, cpuEnv: Record<string, string>): Promise<{ outputs: { name: string; case: number }[]; interp: Map<string, Tensor>; cpu: Map<string, Tensor> } | string[]> {
  const nodes: Node[] = [];
  const feeds = new Map<string, Tensor>();
  const initializers = new Map<string, Tensor>();
  const outputs = cases.flatMap((c, i) => {
    const ins = c.inputs.map((t, j) => {
      if (!t) return '';
      (c.weights?.includes(j) ? initializers : feeds).set(`c${i}_${j}`, t);
      return `c${i}_${j}`;
    });
    const outs = Array.from({ length: c.outputs ?? 1 }, (_, k) => (k ? `y${i}_${k}` : `y${i}`));
    nodes.push({ name: `n${i}`, op: c.op, domain: '', inputs: ins, outputs: outs, attributes: c.attrs ?? {} });
    return outs.map((name) => ({ name, case: i, type: { kind: 'tensor' as const, dtype: c.out } }));
  });
  const inputs = [...feeds].map(([n, t]) => ({ name: n, type: { kind: 'tensor' as const, dtype: t.dtype, shape: [...t.dims] } }));
  const modelPath = writeModelFile(join(cpu.dir, `${name}.onnx`), buildModel({ nodes, inputs, outputs: outputs.map(({ name, type }) => ({ name, type })), initializers, opset }));
  const inputPath = await writeNpzFile(join(cpu.dir, `${name}-in.npz`), feeds);
  const results: Map<string, Tensor>[] = [];
  for (const backend of ['interp', 'cpu']) {
    const out = join(cpu.dir, `${name}-${backend}.npz`);
    const r = cpu.run(['run', modelPath, '--input', inputPath, '--output', out, '--backend', backend, '--opt-level=0', '--explain'], backend === 'cpu' ? cpuEnv : {});
    if (r.code !== 0) return [`${backend} failed: ${r.stderr}`];
    if (backend === 'cpu' && interpPartitions(r.stderr).length) return interpPartitions(r.stderr);
    results.push(await loadNpz(readFileSync(out)));
  }
  return { outputs, interp: results[0]!, cpu: results[1]! };
}

/** Mismatches between interp and cpu (exact equality); `cpuEnv` is added to the cpu run's environment (e.g. HODU_CPU_ISA). */
export async function compareExactly(cpu: CpuHome, name: string, cases: Case[], opset = 17, cpuEnv: Record<string, string> = {}): Promise<string[]> {
  const ran = await runOnBoth(cpu, name, cases, opset, cpuEnv);
  if (Array.isArray(ran)) return ran;
  return ran.outputs.flatMap(({ name: o, case: i }) => {
    const want = ran.interp.get(o)!;
    const got = ran.cpu.get(o)!;
    if (got.dtype !== want.dtype || got.dims.join() !== want.dims.join()) return [`case ${i} ${o}: ${got.dtype}[${got.dims}] instead of ${want.dtype}[${want.dims}]`];
    const a = [...want.data].map(String);
    const b = [...got.data].map(String);
    const k = a.findIndex((v, j) => v !== b[j]);
    return k < 0 ? [] : [`case ${i} ${o} ${cases[i]!.op}: element ${k} is ${b[k]} instead of ${a[k]}`];
  });
}
