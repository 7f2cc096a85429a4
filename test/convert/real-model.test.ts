/**
 * A real opset-9 model (PP-OCRv4 text recognition: Clip-6, Slice-1, Softmax, Squeeze, ReduceMean with attribute
 * axes) upgraded to 18 computes what the original computes, on hodu and on onnxruntime; so do models whose
 * rewritten nodes sit in If bodies (silero VAD v5: ReduceMean in both branches) or in the main graph (openWakeWord: ReduceMean), upgraded to 21.
 */
import { afterAll, expect, test } from 'bun:test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { hodu, tempDir } from '../e2e/hodu';
import { realModelFeeds } from '../realmodels/compare';
import { REAL_MODELS, REAL_MODELS_DIR } from '../realmodels/models';
import { expectClose, feedsFor, runOnHodu, runOnOrt } from './harness';

const tmp = tempDir('hodu-convert-real-');
afterAll(() => tmp.cleanup());
const rec = join(REAL_MODELS_DIR, 'ch_PP-OCRv4_rec_infer.onnx');

test.skipIf(!existsSync(rec))('PP-OCRv4 recognition, opset 9 → 18', async () => {
  const out = join(tmp.dir, 'rec-18.onnx');
  const r = hodu(['convert', rec, out, '--opset', '18', '--json']);
  expect(r.code).toBe(0);
  const rewritten = JSON.parse(r.stdout).opset.rewritten as { op: string }[];
  expect([...new Set(rewritten.map((w) => w.op))].sort()).toEqual(['Clip', 'ReduceMean', 'Slice', 'Softmax', 'Squeeze']);
  const feeds = feedsFor({ x: [1, 3, 48, 320] });
  const ref = await runOnHodu(tmp.dir, rec, feeds, 'a');
  expectClose(await runOnHodu(tmp.dir, out, feeds, 'b'), ref, 'rec-18 on hodu', 1e-4);
  expectClose(await runOnOrt(out, feeds), ref, 'rec-18 on onnxruntime', 1e-3);
});

for (const file of ['silero_vad_v5.onnx', 'hey_jarvis_v0.1.onnx']) {
  const path = join(REAL_MODELS_DIR, file);
  test.skipIf(!existsSync(path))(`${file} → opset 21`, async () => {
    const out = join(tmp.dir, file.replace('.onnx', '-21.onnx'));
    const r = hodu(['convert', path, out, '--opset', '21', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).opset.rewritten.length).toBeGreaterThan(0);
    const feeds = realModelFeeds(REAL_MODELS.find((m) => m.file === file)!, decodeModel(readFileSync(path), { path }));
    const ref = await runOnHodu(tmp.dir, path, feeds, `${file}-a`);
    expectClose(await runOnHodu(tmp.dir, out, feeds, `${file}-b`), ref, `${file}-21 on hodu`, 1e-4);
    expectClose(await runOnOrt(out, feeds), ref, `${file}-21 on onnxruntime`, 1e-3);
  });
}
