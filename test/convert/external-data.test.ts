/**
 * `convert --external-data`: tensors of ≥ 1 KiB (initializers and Constant values) go to OUT.onnx.data at
 * 64-byte aligned offsets with location/offset/length keys; smaller ones stay inline. hodu and onnxruntime
 * both load the result and compute what the original computes.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onnx } from '../../src/formats/onnx/pb';
import { float32Tensor } from '../../src/ir/tensor';
import { hodu, tempDir, writeModelFile } from '../e2e/hodu';
import { REAL_MODELS_DIR } from '../realmodels/models';
import { expectClose, feedsFor, model, runOnHodu, runOnOrt } from './harness';

const tmp = tempDir('hodu-convert-ext-');
afterAll(() => tmp.cleanup());

describe('--external-data', () => {
  test('large initializers and Constant values go to OUT.data, aligned; small ones stay inline; hodu and onnxruntime load it', async () => {
    const m = model(13, [2, 64], (b, x) => {
      const k = b.node('Constant', [], { value: { type: 'tensor', value: float32Tensor(Array.from({ length: 300 }, (_, i) => i / 300), [300]) } });
      const h = b.node('MatMul', [x, b.weight('big', [64, 40], 64)]); // 10 240 bytes
      const y = b.node('Add', [h, b.weight('small', [40], 40)]); // 160 bytes
      return b.node('Add', [b.node('ReduceSum', [y, b.shape('axes', [1])]), b.node('ReduceSum', [k])]);
    });
    const src = writeModelFile(join(tmp.dir, 'm.onnx'), m);
    const out = join(tmp.dir, 'm-ext.onnx');
    const r = hodu(['convert', src, out, '--external-data', '--json']);
    expect(r.code).toBe(0);
    // Nodes are written before initializers: the Constant's 1200 bytes at 0, padded to 1216, then the 10 240.
    expect(JSON.parse(r.stdout).externalData).toEqual({ file: `${out}.data`, tensors: 2, bytes: 1216 + 10240, thresholdBytes: 1024 });
    expect(statSync(`${out}.data`).size).toBe(1216 + 10240);
    const proto = onnx.ModelProto.decode(readFileSync(out));
    const external = [...proto.graph!.initializer!, ...proto.graph!.node!.flatMap((n) => n.attribute!.filter((a) => a.t).map((a) => a.t!))]
      .filter((t) => t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL);
    expect(external).toHaveLength(2);
    for (const t of external) {
      const kv = Object.fromEntries(t.externalData!.map((e) => [e.key, e.value]));
      expect(kv.location).toBe('m-ext.onnx.data');
      expect(Number(kv.offset) % 64).toBe(0);
      expect(t.rawData?.length ?? 0).toBe(0);
    }
    expect(proto.graph!.initializer!.find((t) => t.name === 'small')!.rawData!.length).toBe(160);
    const feeds = feedsFor({ x: [2, 64] });
    const ref = await runOnHodu(tmp.dir, src, feeds, 'a');
    expectClose(await runOnHodu(tmp.dir, out, feeds, 'b'), ref, 'external data on hodu');
    expectClose(await runOnOrt(out, feeds), ref, 'external data on onnxruntime', 1e-4);
  });

  test('nothing reaches 1 KiB: no side file is written', () => {
    const src = writeModelFile(join(tmp.dir, 'tiny.onnx'), model(13, [2], (b, x) => b.node('Add', [x, b.weight('w', [2], 1)])));
    const r = hodu(['convert', src, join(tmp.dir, 'tiny-ext.onnx'), '--external-data']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no tensor reaches 1024 bytes');
    expect(existsSync(join(tmp.dir, 'tiny-ext.onnx.data'))).toBe(false);
  });

  test('a model that cannot be written leaves the side file as it was (both are staged before either replaces anything)', () => {
    const src = writeModelFile(join(tmp.dir, 'big.onnx'), model(13, [2, 64], (b, x) => b.node('MatMul', [x, b.weight('big', [64, 40], 64)])));
    const out = join(tmp.dir, 'taken.onnx');
    mkdirSync(out); // a folder where the model would go
    writeFileSync(`${out}.data`, 'the previous conversion');
    const r = hodu(['convert', src, out, '--external-data']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`${out}: cannot write: it is a folder, not a file`);
    expect(readFileSync(`${out}.data`, 'utf8')).toBe('the previous conversion');
  });

  const cls = join(REAL_MODELS_DIR, 'ch_ppocr_mobile_v2.0_cls_infer.onnx');
  test.skipIf(!existsSync(cls))('a real model round-trips: upgraded to 13 with external data, it runs the same on hodu and onnxruntime', async () => {
    const out = join(tmp.dir, 'cls-13.onnx');
    const r = hodu(['convert', cls, out, '--opset', '13', '--external-data']);
    expect(r.code).toBe(0);
    expect(statSync(out).size).toBeLessThan(statSync(cls).size / 2);
    const feeds = feedsFor({ x: [1, 3, 48, 192] });
    const ref = await runOnHodu(tmp.dir, cls, feeds, 'cls-a');
    expectClose(await runOnHodu(tmp.dir, out, feeds, 'cls-b'), ref, 'cls on hodu', 1e-4);
    expectClose(await runOnOrt(out, feeds), ref, 'cls on onnxruntime', 1e-4);
  });
});
