/** `hodu ops` through the compiled binary: every interp kernel listed with its schema's opset range and dtypes. */
import { beforeAll, expect, test } from 'bun:test';
import '../../src/backends/interp/index';
import { getKernel } from '../../src/backends/interp/kernel';
import { allOpSchemas } from '../../src/ops/registry';
import { hodu, requireBinary, tempDir } from './hodu';

const home = tempDir('hodu-ops-');
const env = { HODU_HOME: home.dir };
beforeAll(() => requireBinary());

interface Listing {
  backends: { backend: string; ops: { op: string; domain: string; sinceVersion: number; untilVersion?: number; dtypes: string[]; dtypeSource: string }[] }[];
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
    expect([o!.sinceVersion, o!.untilVersion]).toEqual([s.sinceVersion, s.untilVersion]);
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
  expect(get('Add').dtypeSource).toBe('probe');
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
