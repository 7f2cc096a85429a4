/**
 * Writes the official conformance tests that pass on backend-cpu (expected-pass-cpu.txt) as
 * planned manifests, so that plugins/backend-cpu/test/manifest-check.c can run them through the plugin's ABI
 * where bun cannot run (arm64 under qemu) and on every x86 micro-kernel. Per case, test_data_set_0 only:
 * the DispatchManifest hodu plans for its input shapes, the packed inputs, and the expected outputs.
 *
 * Layout (little-endian): "HODUCASE" u32 count, then per case: u32 name length, name, u64 manifest length,
 * manifest, u32 input count, per input u64 length + bytes, u32 output count, per output u32 check
 * (0 not checked: the host fills it, 1 float32 within rtol/atol, 2 exact bytes), u64 planned buffer size,
 * u64 length + expected bytes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { bytesOf, type BigArray, type NumericArray } from '../../src/ir/dtype';
import { feedInputs } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import { planManifest } from '../../src/plan/plan-manifest';
import { packInputs } from '../../src/plugins/native/tensor-io';
import { prepareModel } from '../../src/runtime/prepare';
import type { RuntimeValue } from '../../src/sdk/backend';
import { encodeManifest } from '../../src/sdk/manifest';
import { EXPECTED_PASS_CPU_FILE, loadExpectedPass } from './expected';
import { readValue } from './runner';

class Writer {
  private parts: Uint8Array[] = [];
  u32(v: number) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, true);
    this.parts.push(b);
  }
  u64(v: number) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(v), true);
    this.parts.push(b);
  }
  bytes(b: Uint8Array) {
    this.u64(b.byteLength);
    this.parts.push(b);
  }
  raw(b: Uint8Array) {
    this.parts.push(b);
  }
  done(): Uint8Array {
    return Buffer.concat(this.parts);
  }
}

/** Writes the bundle of every test in expected-pass-cpu.txt under `root`; returns how many cases it holds. */
export function writeManifestBundle(root: string, path: string): number {
  const keys = [...loadExpectedPass(EXPECTED_PASS_CPU_FILE)].sort();
  const w = new Writer();
  w.raw(new TextEncoder().encode('HODUCASE'));
  w.u32(keys.length);
  for (const key of keys) {
    const dir = join(root, key);
    const model = prepareModel(decodeModel(readFileSync(join(dir, 'model.onnx')), { path: join(dir, 'model.onnx') }));
    const feeds = new Map<string, RuntimeValue>();
    feedInputs(model.graph).forEach((info, i) => {
      const p = join(dir, 'test_data_set_0', `input_${i}.pb`);
      if (existsSync(p)) feeds.set(info.name, readValue(p, info));
    });
    const m = planManifest(model, new Map([...feeds].map(([n, t]) => [n, [...(t as Tensor).dims]])));
    const name = new TextEncoder().encode(key);
    w.u32(name.byteLength);
    w.raw(name);
    w.bytes(encodeManifest(m));
    const inputs = packInputs(m, feeds, 'cpu');
    w.u32(inputs.length);
    for (const b of inputs) w.bytes(b);
    w.u32(m.outputs.length);
    m.outputs.forEach((id, slot) => {
      const t = m.tensors[id]!;
      const graphIndex = model.graph.outputs.findIndex((o) => o.name === t.name);
      const written = t.role === 'output' && t.offset === slot && graphIndex >= 0;
      const want = written ? readValue(join(dir, 'test_data_set_0', `output_${graphIndex}.pb`), model.graph.outputs[graphIndex]) : undefined;
      w.u32(!(want instanceof Tensor) ? 0 : t.dtype === 'float32' ? 1 : 2);
      w.u64(t.byteSize);
      w.bytes(want instanceof Tensor ? bytesOf(want.data as NumericArray | BigArray) : new Uint8Array(0));
    });
  }
  writeFileSync(path, w.done());
  return keys.length;
}
