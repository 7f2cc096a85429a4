/**
 * Shape and dtype inference checked against the op cases: for every case with expected tensor outputs,
 * each op's `infer` (given the concrete input shapes, and values for constant inputs) must agree with the
 * expected outputs wherever it claims to know a dtype or a dim.
 */
import { expect, test } from 'bun:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readAttr } from '../../src/ops/attrs';
import { getOpSchema } from '../../src/ops/registry';
import type { InferInput } from '../../src/ops/schema';
import { specToTensor } from './harness';
import type { OpCase } from './op-case';

const dir = join(import.meta.dir, 'cases');
const all: OpCase[] = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) all.push(...((await import(join(dir, f))) as { cases: OpCase[] }).cases);

const checkable = all.filter((c) => !c.throws && c.outputs && c.outputs.every((o) => !Array.isArray(o)) && c.inputs.every((i) => !Array.isArray(i)));

test('infer agrees with the expected outputs of every op case', () => {
  const problems: string[] = [];
  let checked = 0;
  for (const c of checkable) {
    const schema = getOpSchema(c.op, c.domain ?? '');
    if (!schema?.infer) continue;
    const node = { name: `${c.op}_node`, op: c.op, domain: c.domain ?? '', inputs: c.inputs.map((s, i) => (s ? `in${i}` : '')), outputs: c.outputs!.map((_, i) => `out${i}`), attributes: c.attrs ?? {} };
    const inputs = c.inputs.map((s): InferInput | undefined => {
      if (!s || Array.isArray(s)) return undefined;
      // Every input is known concretely here, so pass values too (as constant folding would).
      return { dtype: s.dtype, shape: [...s.dims], value: specToTensor(s) };
    });
    let outs;
    try {
      outs = schema.infer({ node, opset: c.opset ?? 17, inputs, attr: (n) => readAttr(node, schema, n) });
    } catch (e) {
      problems.push(`${c.op} '${c.name}': infer threw ${(e as Error).message}`);
      continue;
    }
    checked++;
    c.outputs!.forEach((spec, i) => {
      if (Array.isArray(spec)) return;
      const o = outs[i];
      if (!o) return;
      if (o.dtype !== undefined && o.dtype !== spec.dtype) problems.push(`${c.op} '${c.name}': output ${i} dtype ${o.dtype}, expected ${spec.dtype}`);
      if (o.shape !== undefined) {
        const bad = o.shape.length !== spec.dims.length || o.shape.some((d, k) => typeof d === 'number' && d !== spec.dims[k]);
        if (bad) problems.push(`${c.op} '${c.name}': output ${i} shape [${o.shape}], expected [${spec.dims}]`);
      }
    });
  }
  expect(problems).toEqual([]);
  expect(checked).toBeGreaterThan(100);
});
