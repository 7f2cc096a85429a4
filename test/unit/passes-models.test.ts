/**
 * -O2 against -O0 on whole models: every generated test model (test/models) and every official ONNX node
 * test the interp runs. The optimized model must verify and give the same outputs within rtol 1e-4, atol 1e-5.
 * Prints how many nodes the passes removed in total.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import interp from '../../src/backends/interp/index';
import { Executor } from '../../src/backends/interp/executor';
import type { Value } from '../../src/backends/interp/kernel';
import { decodeModel } from '../../src/formats/onnx/decode';
import { feedInputs, type Model } from '../../src/ir/graph';
import { fromNumbers } from '../../src/ir/tensor';
import { verifyModel } from '../../src/ir/verifier';
import { optimize } from '../../src/passes/pipeline';
import { prepareModel } from '../../src/runtime/prepare';
import { compareValues, listTests, modelOps, readValue } from '../conformance/runner';
import { onnxTestDataDir } from '../conformance/testdata';
import { generateModels } from '../models/generate';
import { values } from './passes-support/build';

const RTOL = 1e-4;
const ATOL = 1e-5;
const RANDOM = ['RandomNormal', 'RandomUniform', 'RandomNormalLike', 'RandomUniformLike', 'Bernoulli', 'Multinomial', 'Dropout'];
const removed = { generated: 0, node: 0, changedNode: 0 };

function compare(actual: Value | undefined, expected: Value): string | null {
  return compareValues(actual, expected, RTOL, ATOL);
}

/** Runs both models on the same feeds; returns the first mismatching output, or null. */
function mismatch(o0: Model, o2: Model, feeds: Map<string, Value>): string | null {
  const want = new Executor(o0).run(feeds);
  const got = new Executor(o2).run(feeds);
  for (const o of o0.graph.outputs) {
    const m = compare(got.get(o.name), want.get(o.name)!);
    if (m) return `output '${o.name}': ${m}`;
  }
  return null;
}

function optimized(m: Model): Model {
  return optimize(m, 2, { afterPass: (_, after) => verifyModel(after) });
}

describe('-O2 keeps the generated test models\' outputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hodu-passes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  test('every generated model', async () => {
    const paths = await generateModels(dir);
    for (const path of paths) {
      const o0 = prepareModel(decodeModel(readFileSync(path), { path }));
      const o2 = optimized(o0);
      removed.generated += o0.graph.nodes.length - o2.graph.nodes.length;
      const feeds = new Map<string, Value>();
      feedInputs(o0.graph).forEach((input, k) => {
        const t = input.type?.kind === 'tensor' ? input.type : undefined;
        const dims = (t?.shape ?? []).map((d) => (typeof d === 'number' ? d : 2));
        const n = dims.reduce((a, b) => a * b, 1);
        feeds.set(input.name, fromNumbers(t?.dtype ?? 'float32', dims, values(n, k + 1)));
      });
      expect(`${basename(path)}: ${mismatch(o0, o2, feeds) ?? 'same'}`).toBe(`${basename(path)}: same`);
    }
    console.log(`-O2 removed ${removed.generated} nodes across the ${paths.length} generated models`);
  });
});

const root = onnxTestDataDir();
describe.skipIf(!root)('-O2 keeps the official ONNX node tests\' outputs', () => {
  test('every node test the interp runs', () => {
    const nodeDir = join(root!, 'node');
    const failures: string[] = [];
    let compared = 0;
    for (const name of listTests(nodeDir)) {
      const caseDir = join(nodeDir, name);
      let o0: Model;
      try {
        o0 = prepareModel(decodeModel(readFileSync(join(caseDir, 'model.onnx')), { path: caseDir }));
      } catch {
        continue; // the conformance suite reports load failures
      }
      if (interp.unsupportedOps!(o0).length || RANDOM.some((op) => modelOps(o0).has(op))) continue;
      let o2: Model;
      try {
        o2 = optimized(o0);
      } catch (e) {
        failures.push(`${name}: optimize threw ${(e as Error).message}`);
        continue;
      }
      if (o2 === o0) continue;
      removed.node += o0.graph.nodes.length - o2.graph.nodes.length;
      removed.changedNode++;
      const setDir = join(caseDir, 'test_data_set_0');
      const feeds = new Map<string, Value>();
      feedInputs(o0.graph).forEach((info, i) => {
        const p = join(setDir, `input_${i}.pb`);
        if (existsSync(p)) feeds.set(info.name, readValue(p, info) as Value);
      });
      try {
        new Executor(o0).run(feeds);
      } catch {
        continue; // -O0 itself fails: nothing to compare (the conformance suite covers it)
      }
      compared++;
      try {
        const m = mismatch(o0, o2, feeds);
        if (m) failures.push(`${name}: ${m}`);
      } catch (e) {
        failures.push(`${name}: -O2 threw ${(e as Error).message}`);
      }
    }
    console.log(`-O2 changed ${removed.changedNode} node tests (${compared} compared), removing ${removed.node} nodes`);
    expect(failures).toEqual([]);
  });
});
