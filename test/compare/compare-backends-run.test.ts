/**
 * `hodu run --compare-backends` through the compiled binary: generated models, a partitioned one (an op the
 * cpu backend lacks) and a real model, interp against cpu; unknown backend names; exit codes that follow
 * the comparison.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { basename, join } from 'node:path';
import { generateModels } from '../models/generate';
import { REAL_MODELS_DIR, realModelsAvailable } from '../realmodels/models';
import { hodu, requireBinary, tempDir } from '../e2e/hodu';
import { writePartitionModel } from './partition-model';

const tmp = tempDir('hodu-compare-backends-');
let models: string[] = [];
let partitioned = '';
beforeAll(async () => {
  requireBinary();
  models = await generateModels(tmp.dir);
  partitioned = writePartitionModel(join(tmp.dir, 'partitioned.onnx'));
});
afterAll(() => tmp.cleanup());

const model = (name: string) => models.find((p) => basename(p) === `${name}.onnx`)!;

interface Pair {
  backend: string;
  ok: boolean;
  outputs: { name: string; ok: boolean; maxAbsDiff: number; mismatched: number; total: number }[];
}

function compare(path: string, extra: string[] = []) {
  const r = hodu(['run', path, '--random-inputs', '--compare-backends', 'interp,cpu', '--json', ...extra]);
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

describe('--compare-backends interp,cpu', () => {
  for (const name of ['mlp', 'mobilenet', 'gru']) {
    test(`${name}: the backends agree within the default tolerance`, () => {
      const r = compare(model(name));
      expect(r.stderr).not.toContain('error');
      expect(r.code).toBe(0);
      expect(r.json.compareBackends.reference).toBe('interp');
      expect(r.json.compareBackends.runs.map((x: { backend: string }) => x.backend)).toEqual(['interp', 'cpu']);
      const pair: Pair = r.json.compareBackends.pairs[0];
      expect(pair.backend).toBe('cpu');
      expect(pair.outputs.length).toBeGreaterThan(0);
      for (const o of pair.outputs) expect(o).toMatchObject({ ok: true, mismatched: 0 });
    });
  }

  test('a partitioned model (an op cpu lacks) compares through the partition; the table is on stdout', () => {
    const r = hodu(['run', partitioned, '--random-inputs', '--compare-backends', 'interp,cpu']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cpu against interp');
    expect(r.stdout).toMatch(/ok\s+y\s+float32\s+\[2,4\]/);
    expect(r.stderr).toContain('ran on interp');
    expect(r.stderr).toContain('ran on cpu');
  });

  test('with zero tolerance the exit code follows the element counts (any difference fails)', () => {
    const r = compare(model('resnet'), ['--shape', 'image=1x3x32x32', '--rtol', '0', '--atol', '0']);
    const pair: Pair = r.json.compareBackends.pairs[0];
    const differs = pair.outputs.some((o) => o.maxAbsDiff > 0);
    for (const o of pair.outputs) expect(o.mismatched > 0).toBe(o.maxAbsDiff > 0);
    expect(r.code).toBe(differs ? 1 : 0);
    expect(r.json.compareBackends.ok).toBe(!differs);
    if (differs) expect(r.stderr).toContain("error[E_MISMATCH]: backend 'cpu' differs from backend 'interp'");
  });

  test('an unknown backend is a clear error listing the available ones, before any run', () => {
    const r = hodu(['run', model('mlp'), '--random-inputs', '--compare-backends', 'interp,nosuch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no backend named 'nosuch'; available: interp, cpu");
    expect(r.stderr).not.toContain('ran on');
  });

  test('one name, or --compare-backends with --output, is a usage error', () => {
    expect(hodu(['run', model('mlp'), '--random-inputs', '--compare-backends', 'cpu']).stderr).toContain('two or more backend names');
    expect(hodu(['run', model('mlp'), '--random-inputs', '--compare-backends', 'interp,cpu', '--output', join(tmp.dir, 'o.npz')]).code).toBe(2);
  });

  test.skipIf(!realModelsAvailable())('a real model (PP-OCR direction classifier)', () => {
    const r = compare(join(REAL_MODELS_DIR, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'), ['--shape', 'x=1x3x48x192']);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(r.json.compareBackends.pairs[0].outputs[0]).toMatchObject({ name: 'softmax_0.tmp_0', ok: true, total: 2 });
  });
});
