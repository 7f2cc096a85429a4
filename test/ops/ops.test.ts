import { describe, expect, test } from 'bun:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Executor } from '../../src/backends/interp/executor';
import { kernelOps } from '../../src/backends/interp/kernel-registry';
import { HoduError } from '../../src/errors';
import { Tensor } from '../../src/ir/tensor';
import { allOpSchemas } from '../../src/ops/registry';
import { caseModel, compareTensor, specToTensor } from './harness';
import type { OpCase } from './op-case';

const dir = join(import.meta.dir, 'cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
const all: OpCase[] = [];
for (const f of files) {
  const mod = (await import(join(dir, f))) as { cases: OpCase[] };
  all.push(...mod.cases);
}

/** Backends that run op cases; each may skip a case with a reason. */
const backends: { name: string; run(c: OpCase): Map<string, unknown>; skip?: Record<string, string> }[] = [
  {
    name: 'interp',
    run(c) {
      const { model, feeds } = caseModel(c);
      return new Executor(model).run(feeds);
    },
  },
];

for (const backend of backends) {
  describe(`ops on ${backend.name}`, () => {
    for (const c of all) {
      const reason = backend.skip?.[c.name];
      test.skipIf(reason !== undefined)(`${c.op}: ${c.name}`, () => {
        if (c.throws) {
          let err: unknown;
          try {
            backend.run(c);
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(HoduError);
          expect((err as HoduError).code).toBe(c.throws);
          return;
        }
        const out = backend.run(c);
        (c.outputs ?? []).forEach((spec, i) => {
          const actual = out.get(`out${i}`);
          const specs = Array.isArray(spec) ? spec : [spec];
          const values = Array.isArray(spec) ? actual : [actual];
          expect(Array.isArray(values)).toBe(true);
          expect((values as unknown[]).length).toBe(specs.length);
          specs.forEach((one, k) => {
            const value = (values as unknown[])[k];
            expect(value).toBeInstanceOf(Tensor);
            const isHalf = one.dtype === 'float16' || one.dtype === 'bfloat16';
            const mismatch = compareTensor(value as Tensor, specToTensor(one), c.rtol ?? (isHalf ? 1e-2 : 1e-5), c.atol ?? (isHalf ? 1e-2 : 1e-6));
            expect(mismatch ?? 'ok').toBe('ok');
          });
        });
      });
    }
  });
}

test('every registered op has a schema, a kernel and test data', () => {
  const tested = new Set(all.map((c) => c.op));
  const schemas = allOpSchemas().map((s) => s.op);
  const kernels = kernelOps();
  expect(kernels.filter((k) => !schemas.includes(k))).toEqual([]);
  expect(schemas.filter((s) => !tested.has(s))).toEqual([]);
});
