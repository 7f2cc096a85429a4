/**
 * `convert -O N`: hodu's passes before saving, and what is saved loads in onnxruntime and computes what the
 * original computes. A fused op newer than the model's opset is refused until --opset raises it.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { encodeModel } from '../../src/formats/onnx/encode';
import { opsetFor } from '../../src/ir/graph';
import { hodu, tempDir } from '../e2e/hodu';
import { MODELS } from '../models/generate';
import { expectClose, feedsFor, opsOf, runOnHodu, runOnOrt } from './harness';

const tmp = tempDir('hodu-convert-opt-');
afterAll(() => tmp.cleanup());

function generated(name: string): string {
  const path = join(tmp.dir, `${name}.onnx`);
  writeFileSync(path, encodeModel(MODELS[`${name}.onnx`]!()));
  return path;
}

describe('convert -O', () => {
  test('-O2 folds BatchNorm into Conv in resnet; the saved model runs the same on hodu and onnxruntime', async () => {
    const src = generated('resnet');
    const out = join(tmp.dir, 'resnet-O2.onnx');
    const r = hodu(['convert', src, out, '-O2', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).optLevel).toBe(2);
    const [before, after] = [src, out].map((p) => decodeModel(readFileSync(p), { path: p }));
    expect(opsOf(before!)).toContain('BatchNormalization');
    expect(opsOf(after!)).not.toContain('BatchNormalization');
    const feeds = feedsFor({ image: [2, 3, 32, 32] });
    const ref = await runOnHodu(tmp.dir, src, feeds, 'resnet-a');
    expectClose(await runOnHodu(tmp.dir, out, feeds, 'resnet-b'), ref, 'resnet -O2 on hodu', 1e-4);
    expectClose(await runOnOrt(out, feeds), ref, 'resnet -O2 on onnxruntime', 1e-4);
  });

  test('-O2 fusing Gelu (opset 20) into an opset-17 model is refused; with --opset 20 it is saved and runs the same', async () => {
    const src = generated('transformer');
    const refused = hodu(['convert', src, join(tmp.dir, 'tr-O2.onnx'), '-O2']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('-O2 fused nodes into Gelu, an opset-20 op, but the model is at opset 17');
    expect(refused.stderr).toContain('add --opset 20');
    const out = join(tmp.dir, 'tr-20-O2.onnx');
    expect(hodu(['convert', src, out, '--opset', '20', '-O2']).code).toBe(0);
    const after = decodeModel(readFileSync(out), { path: out });
    expect(opsetFor(after)).toBe(20);
    expect(opsOf(after)).toContain('Gelu');
    const feeds = feedsFor({ x: [1, 16, 64] });
    const ref = await runOnHodu(tmp.dir, src, feeds, 'tr-a');
    expectClose(await runOnHodu(tmp.dir, out, feeds, 'tr-b'), ref, 'transformer --opset 20 -O2 on hodu', 1e-4);
    expectClose(await runOnOrt(out, feeds), ref, 'transformer --opset 20 -O2 on onnxruntime', 1e-4);
  });

  test('-O1 is accepted as --opt-level=1, and a bad level is a usage error', () => {
    const src = generated('mlp');
    expect(hodu(['convert', src, join(tmp.dir, 'mlp-O1.onnx'), '--opt-level', '1']).code).toBe(0);
    const r = hodu(['convert', src, join(tmp.dir, 'mlp-O9.onnx'), '--opt-level', '9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_USAGE');
  });
});
