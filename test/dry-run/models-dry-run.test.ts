/**
 * `hodu run --dry-run` on the generated models and on real ones (.cache/real-models/, skipped when absent):
 * at -O0 every node of the file is in exactly one partition or folded, the model can run, and the planned
 * memory counts the weights the file holds.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { generateModels } from '../models/generate';
import { hodu, requireBinary, tempDir } from '../e2e/hodu';

const t = tempDir('hodu-dry-run-models-');
const env = { HODU_HOME: join(t.dir, 'home') };
let generated: string[] = [];
beforeAll(async () => {
  requireBinary();
  generated = await generateModels(t.dir);
});
afterAll(() => t.cleanup());

const REAL = join(import.meta.dir, '..', '..', '.cache', 'real-models');
const real = ['alexa_v0.1.onnx', 'melspectrogram.onnx', 'ch_ppocr_mobile_v2.0_cls_infer.onnx'].map((f) => join(REAL, f));

interface Report {
  canRun: boolean;
  backend: string;
  partition: { partitions: { nodes: string[] }[]; folded: number; inlined: unknown[] };
  memory: { weights: number };
}

function check(path: string, extra: string[] = []): Report {
  const r = hodu(['run', path, '--dry-run', '--json', '-O0', ...extra], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as Report;
  const info = JSON.parse(hodu(['inspect', path, '--json', '-O0'], { env }).stdout) as { nodes: number; parameters?: { bytes?: number } };
  const placed = report.partition.partitions.flatMap((p) => p.nodes);
  expect(new Set(placed).size).toBe(placed.length);
  expect(placed.length + report.partition.folded + report.partition.inlined.length).toBe(info.nodes);
  expect(report.canRun).toBe(true);
  expect(report.backend).toBe('cpu');
  return report;
}

test('generated models: every node placed once, runnable on cpu', () => {
  expect(generated.length).toBeGreaterThan(3);
  for (const path of generated) {
    const report = check(path);
    expect(report.memory.weights, basename(path)).toBeGreaterThan(0);
  }
}, 120_000);

test.skipIf(!real.every(existsSync))('real models: every node placed once, runnable on cpu', () => {
  for (const path of real) check(path);
}, 120_000);
