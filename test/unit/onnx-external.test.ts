/** Tensors stored in external data files next to the model. */
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { onnx } from '../../src/formats/onnx/pb';
import { encodeModelProto, reluModelProto } from '../fixtures/onnx/protos';
import { codeOf } from '../support/errors';

const dir = mkdtempSync(join(tmpdir(), 'hodu-onnx-ext-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a model whose initializer 'w' (float [3]) lives in an external file; returns the model path. */
function writeModel(name: string, external: Record<string, string>): string {
  const w: onnx.ITensorProto = {
    name: 'w',
    dataType: onnx.TensorProto.DataType.FLOAT,
    dims: [3],
    dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
    externalData: Object.entries(external).map(([key, value]) => ({ key, value })),
  };
  const path = join(dir, name);
  writeFileSync(path, encodeModelProto(reluModelProto({}, [w])));
  return path;
}

// weights.bin: 8 bytes of padding, then float32 [1, 2, 3].
const payload = new Uint8Array(8 + 12);
payload.set(new Uint8Array(new Float32Array([1, 2, 3]).buffer), 8);
writeFileSync(join(dir, 'weights.bin'), payload);
mkdirSync(join(dir, 'sub'));
writeFileSync(join(dir, 'sub', 'w.bin'), new Uint8Array(new Float32Array([4, 5, 6]).buffer));

const load = (path: string) => decodeModel(readFileSync(path), { path });

describe('external data', () => {
  test('location, offset and length relative to the model directory', () => {
    const m = load(writeModel('a.onnx', { location: 'weights.bin', offset: '8', length: '12' }));
    expect(m.graph.initializers.get('w')!.data).toEqual(new Float32Array([1, 2, 3]));
  });

  test('a file in a subdirectory, no offset or length', () => {
    const m = load(writeModel('b.onnx', { location: 'sub/w.bin' }));
    expect(m.graph.initializers.get('w')!.data).toEqual(new Float32Array([4, 5, 6]));
  });

  test('loadExternalData: false gives zero placeholders without touching the file', () => {
    const path = writeModel('c.onnx', { location: 'missing.bin' });
    const m = decodeModel(readFileSync(path), { path, loadExternalData: false });
    expect(m.graph.initializers.get('w')!.data).toEqual(new Float32Array(3));
  });

  test('a location escaping the model directory is refused', () => {
    expect(codeOf(() => load(writeModel('d.onnx', { location: '../weights.bin' })))).toBe('E_ONNX_EXTERNAL_DATA');
    expect(codeOf(() => load(writeModel('e.onnx', { location: 'sub/../../x.bin' })))).toBe('E_ONNX_EXTERNAL_DATA');
  });

  test('an absolute location is refused', () => {
    expect(codeOf(() => load(writeModel('f.onnx', { location: join(dir, 'weights.bin') })))).toBe('E_ONNX_EXTERNAL_DATA');
  });

  test('a missing file, a short file and a wrong length are errors', () => {
    expect(codeOf(() => load(writeModel('g.onnx', { location: 'nope.bin' })))).toBe('E_ONNX_EXTERNAL_DATA');
    expect(codeOf(() => load(writeModel('h.onnx', { location: 'weights.bin', offset: '12' })))).toBe('E_ONNX_EXTERNAL_DATA');
    expect(codeOf(() => load(writeModel('i.onnx', { location: 'weights.bin', length: '8' })))).toBe('E_ONNX_EXTERNAL_DATA');
  });

  test('external data without a model path is an error', () => {
    const bytes = readFileSync(writeModel('j.onnx', { location: 'weights.bin' }));
    expect(codeOf(() => decodeModel(bytes))).toBe('E_ONNX_EXTERNAL_DATA');
  });

  test('a NUL byte in location is refused', () => {
    expect(codeOf(() => load(writeModel('k.onnx', { location: 'weights.bin\0x' })))).toBe('E_ONNX_EXTERNAL_DATA');
  });
});

describe.skipIf(process.platform === 'win32')('external data and symlinks', () => {
  const outside = mkdtempSync(join(tmpdir(), 'hodu-onnx-ext-outside-'));
  afterAll(() => rmSync(outside, { recursive: true, force: true }));
  writeFileSync(join(outside, 'secret.bin'), new Uint8Array(new Float32Array([7, 8, 9]).buffer));
  const messageOf = (run: () => unknown): string => {
    try {
      run();
    } catch (e) {
      return `${(e as { code?: string }).code}: ${(e as Error).message}`;
    }
    return 'no error';
  };

  test('a file symlink to outside the folder is refused', () => {
    const d = join(dir, 'l1');
    mkdirSync(d);
    symlinkSync(join(outside, 'secret.bin'), join(d, 'w.bin'));
    expect(messageOf(() => load(writeModel('l1/m.onnx', { location: 'w.bin' })))).toContain("E_ONNX_EXTERNAL_DATA: ");
    expect(messageOf(() => load(writeModel('l1/m.onnx', { location: 'w.bin' })))).toContain(`resolves through a symbolic link to '${join(outside, 'secret.bin')}'`);
  });

  test('a relative symlink climbing out, and a directory symlink, are refused', () => {
    const d = join(dir, 'l2');
    mkdirSync(d);
    symlinkSync('../weights.bin', join(d, 'w.bin'));
    symlinkSync(outside, join(d, 'sub'));
    expect(messageOf(() => load(writeModel('l2/a.onnx', { location: 'w.bin' })))).toContain("outside the model's directory");
    expect(messageOf(() => load(writeModel('l2/b.onnx', { location: 'sub/secret.bin' })))).toContain("outside the model's directory");
  });

  test('symlinks that stay inside the folder are followed', () => {
    const d = join(dir, 'l3');
    mkdirSync(join(d, 'data'), { recursive: true });
    writeFileSync(join(d, 'data', 'real.bin'), new Uint8Array(new Float32Array([1, 2, 3]).buffer));
    symlinkSync('data/real.bin', join(d, 'w.bin'));
    symlinkSync('data', join(d, 'alias'));
    expect(load(writeModel('l3/a.onnx', { location: 'w.bin' })).graph.initializers.get('w')!.data).toEqual(new Float32Array([1, 2, 3]));
    expect(load(writeModel('l3/b.onnx', { location: 'alias/real.bin' })).graph.initializers.get('w')!.data).toEqual(new Float32Array([1, 2, 3]));
  });

  test('a directory named as external data is refused', () => {
    expect(messageOf(() => load(writeModel('l4.onnx', { location: 'sub' })))).toContain("'sub' is a directory, not a regular file");
  });
});
