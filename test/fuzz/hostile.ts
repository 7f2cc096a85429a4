/**
 * Hand-made hostile files, one per loader path that could allocate before checking: each claims about 10^12
 * elements (or bytes) while holding almost none. Written to test/fuzz/regressions/ by
 * `bun test/fuzz/hostile.ts`; the regression test replays them (they must end in a HoduError).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveNpz } from '../../src/formats/npz/index';
import { Long, onnx } from '../../src/formats/onnx/pb';
import { writeZip } from '../../src/formats/zip/write-zip';
import { Tensor } from '../../src/ir/tensor';
import { handNpy } from './seeds';

const enc = new TextEncoder();

function safetensors(header: object, data: Uint8Array): Uint8Array {
  const text = enc.encode(JSON.stringify(header));
  const out = new Uint8Array(8 + text.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(text.length), true);
  out.set(text, 8);
  out.set(data, 8 + text.length);
  return out;
}

function model(graph: onnx.IGraphProto): Uint8Array {
  return onnx.ModelProto.encode({ irVersion: Long.fromNumber(8), opsetImport: [{ domain: '', version: Long.fromNumber(17) }], graph }).finish();
}

const TERA = Long.fromString('1000000000000');
const MEGA = Long.fromNumber(1_000_000);

export async function hostileFiles(): Promise<Map<string, Uint8Array>> {
  const npyTera = handNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (1000000000000,), }", new Uint8Array(16));
  const out = new Map<string, Uint8Array>();
  out.set('hostile-npy-1e12-elements.npy', npyTera);
  out.set('hostile-npy-1e12-strings.npy', handNpy("{'descr': '<U1000000', 'fortran_order': False, 'shape': (1000000,), }", new Uint8Array(16)));
  out.set('hostile-npy-zero-times-huge.npy', handNpy("{'descr': '<f8', 'fortran_order': True, 'shape': (0, 1152921504606846976, 1152921504606846976), }", new Uint8Array(0)));
  out.set('hostile-npz-1e12-elements.npz', await writeZip(new Map([['x.npy', npyTera]])));
  // A deflated entry whose central directory claims 4 GiB of output from a few bytes.
  const bomb = await saveNpz(new Map([['x', new Tensor('float32', [4], new Float32Array(4))]]), { compress: true });
  const view = new DataView(bomb.buffer, bomb.byteOffset);
  for (let p = bomb.length - 22; p >= 0; p--) {
    if (view.getUint32(p, true) === 0x02014b50) {
      view.setUint32(p + 24, 0xffffffff - 1, true);
      break;
    }
  }
  out.set('hostile-npz-deflate-claims-4gib.npz', bomb);
  out.set('hostile-safetensors-1e12-elements.safetensors', safetensors({ x: { dtype: 'F32', shape: [1_000_000, 1_000_000], data_offsets: [0, 4e12] } }, new Uint8Array(16)));
  out.set('hostile-safetensors-header-1e12.safetensors', (() => {
    const b = safetensors({ x: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, new Uint8Array(4));
    new DataView(b.buffer).setBigUint64(0, 1_000_000_000_000n, true);
    return b;
  })());
  const tensorInput = { name: 'x', type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: MEGA }, { dimValue: MEGA }] } } } };
  out.set('hostile-onnx-initializer-1e12.onnx', model({ name: 'g', initializer: [{ name: 'w', dataType: 1, dims: [MEGA, MEGA], rawData: new Uint8Array(16) }], output: [{ name: 'w' }] }));
  out.set('hostile-onnx-sparse-1e12.onnx', model({ name: 'g', sparseInitializer: [{ dims: [MEGA, MEGA], values: { name: 'sp', dataType: 1, dims: [Long.fromNumber(1)], floatData: [1] }, indices: { dataType: 7, dims: [Long.fromNumber(1)], int64Data: [Long.fromNumber(5)] } }], output: [{ name: 'sp' }] }));
  out.set('hostile-onnx-constant-of-shape-1e12.onnx', model({
    name: 'g',
    node: [{ name: 'big', opType: 'ConstantOfShape', input: ['shape'], output: ['y'] }],
    initializer: [{ name: 'shape', dataType: 7, dims: [Long.fromNumber(2)], int64Data: [MEGA, MEGA] }],
    output: [{ name: 'y' }],
  }));
  out.set('hostile-onnx-input-1e12.onnx', model({ name: 'g', node: [{ name: 'id', opType: 'Identity', input: ['x'], output: ['y'] }], input: [tensorInput], output: [{ name: 'y' }] }));
  out.set('hostile-onnx-dims-tera.onnx', model({ name: 'g', initializer: [{ name: 'w', dataType: 1, dims: [TERA], floatData: [1] }], output: [{ name: 'w' }] }));
  return out;
}

if (import.meta.main) {
  const dir = join(import.meta.dir, 'regressions');
  for (const [name, bytes] of await hostileFiles()) writeFileSync(join(dir, name), bytes);
  console.log(`wrote hostile files to ${dir}`);
}
