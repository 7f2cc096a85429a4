// backend-cpu's Cast (cast.c) against the interp: every pair of float32, int64, int32 and bool, with the
// values where the rules matter (truncation toward zero, wrap-around past the int range, NaN and ±inf to 0
// for integers and to true for bool).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { DType } from '../../src/ir/dtype';
import type { Node } from '../../src/ir/graph';
import { fromNumbers, toNumbers, type Tensor } from '../../src/ir/tensor';
import { buildModel, writeModelFile, writeNpzFile } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';
import { installCpu, interpPartitions, randomValues, type CpuHome } from './support';

const TO: Record<string, number> = { float32: 1, int32: 6, int64: 7, bool: 9 };
const SPECIAL = [0, -0, 0.5, -0.5, 2.75, -2.75, 1e-30, NaN, Infinity, -Infinity, 2147483647, 2147483648, -2147483649, 3e9, -3e9,
  2 ** 62, 2 ** 63, -(2 ** 63), 3e19, -3e19, 1e30, 16777217];

// Each chain starts at the float32 input x and casts through the given dtypes; every step is an output.
const CHAINS: DType[][] = [
  ['float32'], ['int64', 'float32'], ['int32', 'float32'], ['bool', 'float32'], ['int64', 'int32', 'int64', 'float32'],
  ['int32', 'int64', 'bool', 'int64'], ['bool', 'int32', 'bool', 'int64', 'int64', 'int32', 'int32', 'float32'],
  ['int64', 'bool', 'bool', 'float32', 'float32'], ['int32', 'bool', 'int32', 'float32'],
];

describeWithTools(['cc'], 'backend-cpu Cast equals the interp exactly', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('every pair of float32, int64, int32, bool on special and random values', async () => {
    const nodes: Node[] = [];
    const outputs: { name: string; type: { kind: 'tensor'; dtype: DType } }[] = [];
    CHAINS.forEach((chain, i) => {
      let prev = 'x';
      chain.forEach((to, j) => {
        const out = `c${i}_${j}_${to}`;
        nodes.push({ name: `cast_${i}_${j}`, op: 'Cast', domain: '', inputs: [prev], outputs: [out], attributes: { to: { type: 'int', value: TO[to]! } } });
        outputs.push({ name: out, type: { kind: 'tensor', dtype: to } });
        prev = out;
      });
    });
    const random = toNumbers(randomValues([40], 5e9));
    const x = fromNumbers('float32', [SPECIAL.length + 40], [...SPECIAL, ...random]);
    const model = buildModel({ nodes, inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [...x.dims] } }], outputs });
    const modelPath = writeModelFile(join(cpu.dir, 'cast.onnx'), model);
    const inputPath = await writeNpzFile(join(cpu.dir, 'cast-in.npz'), new Map([['x', x]]));
    const results: Map<string, Tensor>[] = [];
    for (const backend of ['interp', 'cpu']) {
      const out = join(cpu.dir, `cast-${backend}.npz`);
      const r = cpu.run(['run', modelPath, '--input', inputPath, '--output', out, '--backend', backend, '--opt-level=0', '--explain']);
      expect(r.code).toBe(0);
      if (backend === 'cpu') expect(interpPartitions(r.stderr)).toEqual([]);
      results.push(await loadNpz(readFileSync(out)));
    }
    const mismatches = outputs.flatMap(({ name }) => {
      const want = results[0]!.get(name)!;
      const got = results[1]!.get(name)!;
      if (got.dtype !== want.dtype) return [`${name}: dtype ${got.dtype}`];
      const a = [...want.data].map(String);
      const b = [...got.data].map(String);
      const i = a.findIndex((v, k) => v !== b[k]);
      return i < 0 ? [] : [`${name}: element ${i} (x = ${toNumbers(x)[i]}) is ${b[i]} instead of ${a[i]}`];
    });
    expect(mismatches).toEqual([]);
  });
});
