/**
 * Single-tensor ONNX `.pb` files (TensorProto, the layout of the ONNX test data) through the compiled binary
 * (issue 9, item 17): `convert x.npy x.pb`, `inspect x.pb`, `convert x.pb y.npy` round-trip; a tensor is never
 * written into `.onnx` (it could not be read back as a model); what `plugin list` claims for onnx is true.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onnxTestDataDir } from '../conformance/testdata';
import { decodeNamedTensorProto } from '../../src/formats/onnx/decode';
import { encodeTensorProto } from '../../src/formats/onnx/encode';
import { readNpy } from '../../src/formats/npy/read-npy';
import { Tensor } from '../../src/ir/tensor';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile, writeNpyFile } from './hodu';

const tmp = tempDir('hodu-tensor-pb-');
afterAll(() => tmp.cleanup());
const at = (name: string) => join(tmp.dir, name);
const x = new Tensor('float32', [2, 3], new Float32Array([0, 1.5, -2, 3, 4, 5]));

beforeAll(() => {
  requireBinary();
  writeNpyFile(at('x.npy'), x);
});

describe('.pb tensor files', () => {
  test('npy → pb → inspect → npy round-trips name, dtype, shape and values', () => {
    let r = hodu(['convert', at('x.npy'), at('x.pb')]);
    expect(r.stderr).not.toContain('error[');
    expect(r.code).toBe(0);
    expect(decodeNamedTensorProto(readFileSync(at('x.pb')))).toEqual({ name: 'x', tensor: x });

    r = hodu(['inspect', at('x.pb'), '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.format).toBe('onnx');
    expect(JSON.stringify(summary.tensors)).toContain('"x"');
    expect(JSON.stringify(summary.tensors)).toContain('[2,3]');

    r = hodu(['convert', at('x.pb'), at('y.npy')]);
    expect(r.code).toBe(0);
    expect(readNpy(readFileSync(at('y.npy')), 'y.npy')).toEqual(x);
  });

  test('int64, float16 and string tensors convert .pb → .npy → .pb unchanged', () => {
    const cases: [string, Tensor][] = [
      ['i64', new Tensor('int64', [3], new BigInt64Array([1n, -2n, 9007199254740993n]))],
      ['f16', new Tensor('float16', [2], new Uint16Array([0x3c00, 0xc000]))],
      ['str', new Tensor('string', [2], ['a', 'hodu'])],
    ];
    for (const [name, t] of cases) {
      writeFileSync(at(`${name}.pb`), encodeTensorProto(t, name));
      expect(hodu(['convert', at(`${name}.pb`), at(`${name}.npy`)]).code).toBe(0);
      expect(hodu(['convert', at(`${name}.npy`), at(`${name}2.pb`)]).code).toBe(0);
      expect(decodeNamedTensorProto(readFileSync(at(`${name}2.pb`))).tensor).toEqual(t);
    }
  });

  test('a tensor into .onnx is refused with a hint to use .pb, and nothing is written', () => {
    const r = hodu(['convert', at('x.npy'), at('x.onnx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[E_CONVERT]');
    expect(r.stderr).toContain('.onnx (onnx) holds a model, not tensors');
    expect(r.stderr).toContain('hint: write one tensor as .pb');
    expect(existsSync(at('x.onnx'))).toBe(false);
  });

  test('an .onnx holding a TensorProto (what older hodu wrote) says so and points to .pb', () => {
    writeFileSync(at('old.onnx'), encodeTensorProto(x, 'x'));
    const r = hodu(['inspect', at('old.onnx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('old.onnx: holds a single ONNX tensor (TensorProto), not a model');
    expect(r.stderr).toContain('hint: name single-tensor files .pb');
  });

  test('run reads --input x.pb and writes --output y.pb; a .pb is not a model and an .onnx is not an input', () => {
    const model = writeModelFile(at('relu.onnx'), buildModel({
      nodes: [{ name: 'relu', op: 'Relu', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
      inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [2, 3] } }],
      outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [2, 3] } }],
    }));
    writeFileSync(at('in.pb'), encodeTensorProto(x, 'x'));
    let r = hodu(['run', model, '--input', at('in.pb'), '--output', at('out.pb')]);
    expect(r.code).toBe(0);
    expect(decodeNamedTensorProto(readFileSync(at('out.pb')))).toEqual({ name: 'y', tensor: new Tensor('float32', [2, 3], new Float32Array([0, 1.5, 0, 3, 4, 5])) });

    r = hodu(['run', at('in.pb')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[E_NOT_A_MODEL]');
    expect(r.stderr).toContain('holds one ONNX tensor (TensorProto), not a model');

    r = hodu(['run', model, '--input', `x=${model}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[E_NOT_TENSORS]');

    r = hodu(['run', model, '--input', at('in.pb'), '--output', at('out.onnx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[E_NOT_TENSORS]');
    expect(existsSync(at('out.onnx'))).toBe(false);

    r = hodu(['convert', model, at('m.pb')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no weights');
  });

  test('plugin list claims .onnx and .pb with tensor load/save for onnx, and both work', () => {
    const r = hodu(['plugin', 'list', '--json']);
    expect(r.code).toBe(0);
    const onnx = (JSON.parse(r.stdout) as { name: string; capabilities: Record<string, unknown> }[]).find((p) => p.name === 'onnx')!;
    expect(onnx.capabilities).toMatchObject({ loadModel: true, saveModel: true, loadTensors: true, saveTensors: true, extensions: ['.onnx', '.pb'] });
    // Each claimed extension is accepted by inspect (the .pb above, the model here).
    expect(hodu(['inspect', at('x.pb')]).code).toBe(0);
    expect(hodu(['inspect', at('relu.onnx')]).code).toBe(0);
  });
});

const data = onnxTestDataDir();
if (!data && process.env.CI !== 'true') console.warn('tensor-pb: ONNX test data is missing (npm run testdata), skipping the test-data .pb case');
test.skipIf(!data && process.env.CI !== 'true')('an input_0.pb of the ONNX test data inspects and converts', () => {
  const dir = join(data!, 'node', 'test_conv_with_strides_padding', 'test_data_set_0');
  expect(readdirSync(dir)).toContain('input_0.pb');
  const r = hodu(['inspect', join(dir, 'input_0.pb')]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('float32');
  expect(r.stdout).toContain('[1,1,7,5]');
  expect(hodu(['convert', join(dir, 'input_0.pb'), at('conv-in.npy')]).code).toBe(0);
  expect(readNpy(readFileSync(at('conv-in.npy')), 'conv-in.npy').dims).toEqual([1, 1, 7, 5]);
});
