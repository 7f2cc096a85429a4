/** `hodu ops` through the compiled binary: every interp kernel listed with its schema's opset range and dtypes. */
import { beforeAll, expect, test } from 'bun:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getKernel } from '../../src/backends/interp/kernel-registry';
import { opsetRange } from '../../src/ops/_opsets';
import { allOpSchemas } from '../../src/ops/registry';
import { hodu, requireBinary, tempDir } from './hodu';

const home = tempDir('hodu-ops-');
const env = { HODU_HOME: home.dir };
beforeAll(() => requireBinary());

interface Listing {
  backends: {
    backend: string;
    ops: { op: string; domain: string; sinceVersion: number; untilVersion?: number; versions?: number[]; dtypes: string[]; types?: Record<string, string[]>; dtypeSource: string }[];
  }[];
}

function listing(args: string[] = []): Listing {
  const r = hodu(['ops', '--json', ...args], { env });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Listing;
}

test('--json lists every op with an interp kernel, with the schema opset range', () => {
  const interp = listing().backends.find((b) => b.backend === 'interp')!;
  const expected = allOpSchemas().filter((s) => getKernel(s.op, s.domain));
  expect(interp.ops.length).toBe(expected.length);
  for (const s of expected) {
    const o = interp.ops.find((x) => x.op === s.op && x.domain === s.domain);
    expect(o).toBeDefined();
    expect([o!.sinceVersion, o!.untilVersion]).toEqual(opsetRange(s));
  }
  // The preview training ops keep their domain.
  expect(interp.ops.some((o) => o.op === 'Adam' && o.domain === 'ai.onnx.preview.training')).toBe(true);
});

test('dtypes: logical ops take bool only, bitwise ops integers only, Identity every dtype', () => {
  const ops = listing(['--backend', 'interp']).backends[0]!.ops;
  const get = (op: string) => ops.find((o) => o.op === op && o.domain === '')!;
  // ONNX: And/Or/Xor are defined on tensor(bool); BitwiseAnd on the eight integer types; Identity on all.
  expect(get('And').dtypes).toEqual(['bool']);
  expect(get('BitwiseAnd').dtypes.sort()).toEqual(['int16', 'int32', 'int64', 'int8', 'uint16', 'uint32', 'uint64', 'uint8']);
  expect(get('Identity').dtypes).toContain('string');
  expect(get('Identity').dtypes).toContain('bfloat16');
  expect(get('Add').dtypeSource).toBe('schema');
});

test('opsets: supported from the first implemented version to the newest opset, not "since the op last changed"', () => {
  const ops = listing(['--backend', 'interp']).backends[0]!.ops;
  const get = (op: string) => ops.find((o) => o.op === op && o.domain === '')!;
  // Not last changed at opset 1, and opset-16 models using it run: it is supported in 1..21.
  expect([get('Not').sinceVersion, get('Not').untilVersion]).toEqual([1, 21]);
  expect(get('Not').versions).toEqual([1]);
  // The version history is kept: Add changed at 6, 7, 13 and 14.
  expect(get('Add').versions).toEqual([1, 6, 7, 13, 14]);
  // ONNX deprecated Scatter at opset 11 (for ScatterElements).
  expect([get('Scatter').sinceVersion, get('Scatter').untilVersion]).toEqual([9, 10]);
  const r = hodu(['ops'], { env });
  expect(r.stdout).toMatch(/\n\s+Not\s+ai\.onnx\s+1\.\.21\s+bool\n/);
});

test('dtypes are the ONNX type constraints: Conv lists float types only, not bool or string', () => {
  const ops = listing(['--backend', 'interp']).backends[0]!.ops;
  const get = (op: string) => ops.find((o) => o.op === op && o.domain === '')!;
  // ONNX: Conv T = tensor(float16), tensor(float), tensor(double).
  expect(get('Conv').dtypes.sort()).toEqual(['float16', 'float32', 'float64']);
  // Gather: T is every type, Tind the two index types; the data type is listed as dtypes.
  expect(get('Gather').types).toEqual({ T: get('Gather').dtypes, Tind: ['int32', 'int64'] });
  expect(get('Gather').dtypes).toContain('string');
  // Math ops list no bool or string.
  for (const op of ['Conv', 'Relu', 'MatMul', 'Gemm', 'Sqrt', 'Add', 'Softmax']) {
    expect(get(op).dtypes).not.toContain('bool');
    expect(get(op).dtypes).not.toContain('string');
  }
});

test("a plugin lists its declared dtypes only where the op's type constraint allows them", () => {
  const pluginHome = tempDir('hodu-ops-plugin-');
  const penv = { HODU_HOME: join(pluginHome.dir, 'home') };
  expect(hodu(['plugin', 'new', 'tsback', '--type', 'backend', '--lang', 'ts'], { cwd: pluginHome.dir, env: penv }).code).toBe(0);
  // One dtype list for the whole plugin: float32 and bool, for Add (numeric in ONNX) and And (bool only).
  const pkgPath = join(pluginHome.dir, 'tsback', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.hodu.capabilities.ops = ['Add', 'And'];
  pkg.hodu.capabilities.dtypes = ['float32', 'bool'];
  writeFileSync(pkgPath, JSON.stringify(pkg));
  expect(hodu(['plugin', 'install', '--path', 'tsback'], { cwd: pluginHome.dir, env: penv }).code).toBe(0);
  const r = hodu(['ops', '--json', '--backend', 'tsback'], { env: penv });
  expect(r.code).toBe(0);
  const ops = (JSON.parse(r.stdout) as Listing).backends[0]!.ops;
  expect(ops.map((o) => [o.op, o.dtypes, o.dtypeSource, o.sinceVersion, o.untilVersion])).toEqual([
    ['Add', ['float32'], 'declared', 1, 21],
    ['And', ['bool'], 'declared', 1, 21],
  ]);
});

test('the table names each backend and its op count', () => {
  const r = hodu(['ops'], { env });
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^interp \(embedded, \d+ ops\)/);
  expect(r.stdout).toMatch(/\n\s+Gemm\s+ai\.onnx\s+1\.\.\d+\s+float32/);
});

test('an unknown backend is a usage error with the list of backends', () => {
  const r = hodu(['ops', '--backend', 'intrp'], { env });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('error[E_NO_BACKEND]');
  expect(r.stderr).toContain("did you mean 'interp'");
});
