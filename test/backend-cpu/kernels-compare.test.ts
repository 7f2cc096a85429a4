// backend-cpu's comparisons and Where (compare.c) against the interp: float32, int64 and int32 operands,
// broadcasting on both sides, size-1 dims, equal values (so Equal and the OrEqual forms are not all false).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { DType } from '../../src/ir/dtype';
import type { Node } from '../../src/ir/graph';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { buildModel, writeModelFile, writeNpzFile } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';
import { installCpu, interpPartitions, type CpuHome } from './support';

const SHAPES: [number[], number[]][] = [
  [[7], [7]], [[], [3, 5]], [[2, 3, 4], []], [[2, 3, 4], [4]], [[2, 1, 4], [3, 1]], [[1, 5, 1, 3], [2, 1, 4, 1]], [[6, 1], [1, 6]], [[1], [1]],
];
const rand = mulberry32(11);
/** Small integers (many ties) in the given dtype; float32 gets a NaN too, which compares false. */
function values(dtype: DType, dims: number[]): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  const v = Array.from({ length: n }, (_, i) => (dtype === 'float32' && i === 2 ? NaN : Math.floor(rand() * 5) - 2));
  return dtype === 'bool' ? fromNumbers('bool', dims, v.map((x) => (x > 0 ? 1 : 0))) : fromNumbers(dtype, dims, v);
}

interface Case { op: string; inputs: Tensor[]; out: DType }

async function compare(cpu: CpuHome, name: string, cases: Case[]): Promise<string[]> {
  const nodes: Node[] = [];
  const feeds = new Map<string, Tensor>();
  const outputs = cases.map((c, i) => {
    const ins = c.inputs.map((t, j) => {
      feeds.set(`c${i}_${j}`, t);
      return `c${i}_${j}`;
    });
    nodes.push({ name: `n${i}`, op: c.op, domain: '', inputs: ins, outputs: [`y${i}`], attributes: {} });
    return { name: `y${i}`, type: { kind: 'tensor' as const, dtype: c.out } };
  });
  const inputs = [...feeds].map(([n, t]) => ({ name: n, type: { kind: 'tensor' as const, dtype: t.dtype, shape: [...t.dims] } }));
  const modelPath = writeModelFile(join(cpu.dir, `${name}.onnx`), buildModel({ nodes, inputs, outputs }));
  const inputPath = await writeNpzFile(join(cpu.dir, `${name}-in.npz`), feeds);
  const results: Map<string, Tensor>[] = [];
  for (const backend of ['interp', 'cpu']) {
    const out = join(cpu.dir, `${name}-${backend}.npz`);
    const r = cpu.run(['run', modelPath, '--input', inputPath, '--output', out, '--backend', backend, '--opt-level=0', '--explain']);
    if (r.code !== 0) return [`${backend} failed: ${r.stderr}`];
    if (backend === 'cpu' && interpPartitions(r.stderr).length) return interpPartitions(r.stderr);
    results.push(await loadNpz(readFileSync(out)));
  }
  return outputs.flatMap(({ name: o }, i) => {
    const want = results[0]!.get(o)!;
    const got = results[1]!.get(o)!;
    if (got.dtype !== want.dtype || got.dims.join() !== want.dims.join()) return [`case ${i}: ${got.dtype}[${got.dims}] instead of ${want.dtype}[${want.dims}]`];
    const a = [...want.data].map(String);
    const b = [...got.data].map(String);
    const k = a.findIndex((v, j) => v !== b[j]);
    return k < 0 ? [] : [`case ${i} ${cases[i]!.op}: element ${k} is ${b[k]} instead of ${a[k]}`];
  });
}

describeWithTools(['cc'], 'backend-cpu comparisons and Where equal the interp exactly', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('Equal, Less, LessOrEqual, Greater, GreaterOrEqual of float32, int64, int32 with broadcasting', async () => {
    const cases: Case[] = ['Equal', 'Less', 'LessOrEqual', 'Greater', 'GreaterOrEqual'].flatMap((op) =>
      (['float32', 'int64', 'int32'] as DType[]).flatMap((dt) => SHAPES.map(([a, b]) => ({ op, inputs: [values(dt, a), values(dt, b)], out: 'bool' as DType }))),
    );
    expect(await compare(cpu, 'compare', cases)).toEqual([]);
  });

  test('Where of float32, int64, int32, bool values, broadcasting condition and both branches', async () => {
    const shapes: number[][][] = [[[7], [7], [7]], [[3, 1], [1, 4], []], [[], [2, 3], [3]], [[2, 1, 5], [4, 1], [1, 1, 5]], [[1], [1], [1]]];
    const cases: Case[] = (['float32', 'int64', 'int32', 'bool'] as DType[]).flatMap((dt) =>
      shapes.map(([c, x, y]) => ({ op: 'Where', inputs: [values('bool', c!), values(dt, x!), values(dt, y!)], out: dt })),
    );
    expect(await compare(cpu, 'where', cases)).toEqual([]);
  });
});
