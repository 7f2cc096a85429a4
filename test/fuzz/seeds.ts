/**
 * The valid files every fuzz case starts from: examples/mlp.onnx, a few official ONNX test models (when the
 * test data is installed) and small models built here (subgraphs, strings, int64, sequences), plus .npy,
 * .npz and .safetensors files covering every dtype the loaders read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveNpz } from '../../src/formats/npz/index';
import { writeNpy } from '../../src/formats/npy/write-npy';
import { encodeModel } from '../../src/formats/onnx/encode';
import { writeSafetensors } from '../../src/formats/safetensors/write-safetensors';
import { emptyGraph, type Graph, type Model } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import { onnxTestDataDir } from '../conformance/testdata';

export type FuzzFormat = 'onnx' | 'npy' | 'npz' | 'safetensors';
export const FORMATS: readonly FuzzFormat[] = ['onnx', 'npy', 'npz', 'safetensors'];

const ROOT = join(import.meta.dir, '..', '..');

/** Official node tests with small models that exercise subgraphs, sequences, strings and integer types. */
const OFFICIAL_MODELS = ['test_if', 'test_loop11', 'test_scan9_sum', 'test_sequence_insert_at_back', 'test_lstm_defaults', 'test_strnormalizer_export_monday_casesensintive_lower', 'test_gather_0', 'test_conv_with_strides_padding', 'test_cast_FLOAT_to_STRING', 'test_reshape_extended_dims'];

export function tensorSamples(): Map<string, Tensor> {
  const m = new Map<string, Tensor>();
  m.set('f32', new Tensor('float32', [2, 3], Float32Array.from([1.5, -0, Infinity, -2.25, 3.4e38, 1e-45])));
  m.set('f64', new Tensor('float64', [3], Float64Array.from([Math.PI, -1e308, 5e-324])));
  m.set('f16', new Tensor('float16', [2, 2], Uint16Array.from([0x3c00, 0xc000, 0x7c00, 0x7e00])));
  m.set('bf16', new Tensor('bfloat16', [3], Uint16Array.from([0x3f80, 0xbf00, 0x4049])));
  m.set('i8', new Tensor('int8', [2], Int8Array.from([-128, 127])));
  m.set('i64', new Tensor('int64', [3], BigInt64Array.from([2n ** 63n - 1n, -(2n ** 63n), 7n])));
  m.set('u64', new Tensor('uint64', [1, 2], BigUint64Array.from([2n ** 64n - 1n, 5n])));
  m.set('u16', new Tensor('uint16', [2], Uint16Array.from([0, 65535])));
  m.set('bool', new Tensor('bool', [2, 2], Uint8Array.from([1, 0, 0, 1])));
  m.set('scalar', new Tensor('float32', [], Float32Array.from([7])));
  m.set('empty', new Tensor('int32', [0, 3], new Int32Array(0)));
  return m;
}

function npySeeds(): Uint8Array[] {
  const seeds = [...tensorSamples().values()].map((t) => writeNpy(t));
  seeds.push(writeNpy(new Tensor('string', [3], ['a', 'héllo', ''])));
  seeds.push(handNpy("{'descr': '|S3', 'fortran_order': False, 'shape': (2,), }", new TextEncoder().encode('abcde\0')));
  // Fortran order and big-endian data take their own decoding paths.
  seeds.push(handNpy("{'descr': '>i4', 'fortran_order': True, 'shape': (2, 3), }", new Uint8Array(24).map((_, i) => i)));
  seeds.push(handNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", new Uint8Array(16).fill(0x3f), 2));
  return seeds;
}

/** A .npy with a header written by hand (version 1 or 2), padded to 64 bytes like numpy does. */
export function handNpy(header: string, data: Uint8Array, major = 1): Uint8Array {
  const lenSize = major === 1 ? 2 : 4;
  let text = header;
  while ((8 + lenSize + text.length + 1) % 64 !== 0) text += ' ';
  text += '\n';
  const out = new Uint8Array(8 + lenSize + text.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]);
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, text.length, true);
  else view.setUint32(8, text.length, true);
  out.set(new TextEncoder().encode(text), 8 + lenSize);
  out.set(data, 8 + lenSize + text.length);
  return out;
}

async function npzSeeds(): Promise<Uint8Array[]> {
  const all = tensorSamples();
  const few = new Map([...all].slice(0, 3));
  return [await saveNpz(all), await saveNpz(all, { compress: true }), await saveNpz(few), await saveNpz(new Map([['s', new Tensor('string', [2], ['x', 'yz'])]]), { compress: true })];
}

function safetensorsSeeds(): Uint8Array[] {
  const all = tensorSamples();
  all.delete('empty');
  return [writeSafetensors(all), writeSafetensors(new Map([...all].slice(0, 2)), { metadata: { format: 'pt' } })];
}

function model(graph: Graph, opset = 17): Model {
  return { irVersion: 8, opsetImports: [{ domain: '', version: opset }], producerName: 'hodu-fuzz', metadata: {}, graph, functions: [] };
}

/** y = If(c) then x + 1 else Cast(string → float); exercises subgraphs, outer-scope reads and string data. */
function builtModels(): Model[] {
  const thenG: Graph = { ...emptyGraph('then'), nodes: [{ name: 'add', op: 'Add', domain: '', inputs: ['x', 'one'], outputs: ['t'], attributes: {} }], outputs: [{ name: 't', type: { kind: 'tensor', dtype: 'float32', shape: [3] } }] };
  const elseG: Graph = { ...emptyGraph('else'), nodes: [{ name: 'cast', op: 'Cast', domain: '', inputs: ['s'], outputs: ['e'], attributes: { to: { type: 'int', value: 1 } } }], outputs: [{ name: 'e', type: { kind: 'tensor', dtype: 'float32', shape: [3] } }] };
  const ifModel = model({
    ...emptyGraph('if'),
    nodes: [{ name: 'if', op: 'If', domain: '', inputs: ['c'], outputs: ['y'], attributes: { then_branch: { type: 'graph', value: thenG }, else_branch: { type: 'graph', value: elseG } } }],
    inputs: [{ name: 'c', type: { kind: 'tensor', dtype: 'bool', shape: [] } }, { name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [3] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [3] } }],
    initializers: new Map([['one', new Tensor('float32', [1], Float32Array.from([1]))], ['s', new Tensor('string', [3], ['1.5', '-2', 'inf'])]]),
  });
  const reshapeModel = model({
    ...emptyGraph('reshape'),
    nodes: [
      { name: 'reshape', op: 'Reshape', domain: '', inputs: ['x', 'shape'], outputs: ['r'], attributes: {} },
      { name: 'expand', op: 'Expand', domain: '', inputs: ['r', 'big'], outputs: ['y'], attributes: {} },
    ],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'int64', shape: [2, 3] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'int64' } }],
    initializers: new Map([['shape', new Tensor('int64', [2], BigInt64Array.from([3n, 2n]))], ['big', new Tensor('int64', [3], BigInt64Array.from([2n, 3n, 2n]))]]),
  });
  return [ifModel, reshapeModel];
}

function onnxSeeds(): Uint8Array[] {
  const seeds: Uint8Array[] = [readFileSync(join(ROOT, 'examples', 'mlp.onnx'))];
  seeds.push(...builtModels().map(encodeModel));
  const root = onnxTestDataDir();
  for (const name of OFFICIAL_MODELS) {
    const p = root && join(root, 'node', name, 'model.onnx');
    if (p && existsSync(p)) seeds.push(readFileSync(p));
  }
  return seeds;
}

export async function loadSeeds(): Promise<Record<FuzzFormat, Uint8Array[]>> {
  // Plain Uint8Array copies: a mutator must never write into a shared Buffer.
  const plain = (list: Uint8Array[]) => list.map((b) => new Uint8Array(b));
  return { onnx: plain(onnxSeeds()), npy: plain(npySeeds()), npz: plain(await npzSeeds()), safetensors: plain(safetensorsSeeds()) };
}
