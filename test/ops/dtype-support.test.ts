/**
 * `hodu ops` lists each schema's type constraints as the dtypes an op supports; this checks that the listing is
 * true: every dtype of every constraint runs on the interp kernel (a hand-written case re-typed to it, see
 * dtype-support.ts), and every input/output names a declared constraint or a dtype.
 */
import { describe, expect, test } from 'bun:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_OPSET } from '../../src/formats/onnx/decode';
import { isDType } from '../../src/ir/dtype';
import { NEWEST_OPSETS, opsetRange } from '../../src/ops/_opsets';
import { allOpSchemas, getOpSchema } from '../../src/ops/registry';
import { checkDtype } from './dtype-support';
import type { OpCase } from './op-case';

const dir = join(import.meta.dir, 'cases');
const cases: OpCase[] = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  cases.push(...((await import(join(dir, f))) as { cases: OpCase[] }).cases);
}

describe('every listed dtype runs on the interp kernel', () => {
  for (const schema of allOpSchemas()) {
    test(`${schema.domain ? `${schema.domain}.` : ''}${schema.op}`, () => {
      const failures: string[] = [];
      for (const [name, dtypes] of Object.entries(schema.types)) {
        for (const dtype of dtypes) {
          const why = checkDtype(schema, cases, name, dtype);
          if (why !== null) failures.push(`${name}=${dtype}: ${why}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

test('every input and output is typed by a declared constraint or a dtype, and every constraint is used', () => {
  const bad: string[] = [];
  for (const s of allOpSchemas()) {
    const used = new Set<string>();
    for (const io of [...s.inputs, ...s.outputs]) {
      if (io.type in s.types) used.add(io.type);
      else if (!isDType(io.type)) bad.push(`${s.op}.${io.name}: '${io.type}'`);
    }
    for (const name of Object.keys(s.types)) if (!used.has(name)) bad.push(`${s.op}: constraint ${name} unused`);
  }
  expect(bad).toEqual([]);
});

test('the check refuses a dtype the kernel does not run (it can fail)', () => {
  // ONNX defines And on bool only; its kernel rejects float32, so a listing that claimed float32 would fail above.
  expect(checkDtype(getOpSchema('And')!, cases, 'T', 'float32')).toContain('must be bool');
  expect(checkDtype(getOpSchema('Conv')!, cases, 'T', 'string')).not.toBeNull();
});

test('opset ranges run to the newest opset hodu reads, except for ops ONNX deprecated', () => {
  expect(NEWEST_OPSETS['']).toBe(MAX_OPSET);
  // Not last changed at opset 1 and is still in opset 21.
  expect(opsetRange(getOpSchema('Not')!)).toEqual([1, MAX_OPSET]);
  // Scatter was deprecated at 11 (ScatterElements replaced it).
  expect(opsetRange(getOpSchema('Scatter')!)).toEqual([9, 10]);
  for (const s of allOpSchemas()) {
    const [since, until] = opsetRange(s);
    expect(since).toBeLessThanOrEqual(until);
    // The version history starts with the definition sinceVersion falls in, and is sorted.
    expect(s.versions[0]).toBeLessThanOrEqual(since);
    expect([...s.versions].sort((a, b) => a - b)).toEqual(s.versions);
  }
});
