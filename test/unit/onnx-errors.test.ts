/** Bad model files end as HoduErrors naming the file, never as stack traces or hangs. */
import { describe, expect, test } from 'bun:test';
import { decodeModel } from '../../src/formats/onnx/decode';
import { HoduError } from '../../src/errors';
import { encodeModelProto, garbage, reluModelProto } from '../fixtures/onnx/protos';
import { errorOf } from '../support/errors';

const good = encodeModelProto(reluModelProto());

describe('malformed bytes', () => {
  test('the well-formed fixture itself decodes', () => {
    const m = decodeModel(good, { path: 'relu.onnx' });
    expect(m.graph.nodes.map((n) => n.op)).toEqual(['Relu']);
    expect(m.graph.nodes[0]!.name).toBe('Relu_0');
  });

  test('empty file', () => {
    const e = errorOf(() => decodeModel(new Uint8Array(), { path: 'empty.onnx' }));
    expect(e.code).toBe('E_ONNX_DECODE');
    expect(e.message).toBe('empty.onnx: not a valid ONNX model (the file is empty)');
    expect(e.hint).toBeDefined();
  });

  test('truncated file, cut in the middle of the graph', () => {
    const e = errorOf(() => decodeModel(good.subarray(0, Math.floor(good.length / 2)), { path: 'cut.onnx' }));
    expect(e.code).toBe('E_ONNX_DECODE');
    expect(e.message).toStartWith('cut.onnx: not a valid ONNX model (');
  });

  test('truncated file, cut at every length: an E_ONNX_DECODE unless the cut falls between top-level fields', () => {
    // Protobuf cannot tell a cut between two top-level fields from a shorter file; everything else must fail cleanly.
    let failed = 0;
    for (let n = 1; n < good.length; n++) {
      try {
        decodeModel(good.subarray(0, n), { path: 'cut.onnx' });
      } catch (e) {
        expect(e).toBeInstanceOf(HoduError);
        expect((e as HoduError).code).toBe('E_ONNX_DECODE');
        failed++;
      }
    }
    expect(failed).toBeGreaterThan(good.length * 0.9);
  });

  test('random garbage', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const e = errorOf(() => decodeModel(garbage(64 + seed * 7, seed), { path: 'junk.onnx' }));
      expect(['E_ONNX_DECODE', 'E_ONNX_VERSION', 'E_UNSUPPORTED_DTYPE']).toContain(e.code);
      expect(e.message).toStartWith('junk.onnx: ');
    }
  });

  test('a text file', () => {
    const e = errorOf(() => decodeModel(new TextEncoder().encode('hello, this is not a model\n'), { path: 'a.txt' }));
    expect(e.code).toBe('E_ONNX_DECODE');
  });

  test('a model without a graph', () => {
    const e = errorOf(() => decodeModel(encodeModelProto({ irVersion: 8, opsetImport: [{ version: 17 }] })));
    expect(e.code).toBe('E_ONNX_DECODE');
    expect(e.message).toContain('no graph');
    expect(e.message).toStartWith('<bytes>: ');
  });
});

describe('absurd nesting', () => {
  // Wire bytes written by hand: protobufjs' own encoder would recurse as deep as the bomb.
  const varint = (n: number) => {
    const o: number[] = [];
    for (; n > 127; n >>>= 7) o.push((n & 127) | 128);
    return [...o, n];
  };
  const field = (num: number, body: number[]) => [...varint((num << 3) | 2), ...varint(body.length), ...body];
  const text = (s: string) => Array.from(new TextEncoder().encode(s));
  /** Graphs nested `depth` deep through If.then_branch attributes. */
  function nestedIfs(depth: number): Uint8Array {
    let g = field(2, text('leaf'));
    for (let i = 0; i < depth; i++) {
      const attr = [...field(1, text('then_branch')), ...varint((20 << 3) | 0), 5, ...field(6, g)];
      g = field(1, [...field(4, text('If')), ...field(5, attr)]);
    }
    return new Uint8Array([8, 8, ...field(8, [16, 17]), ...field(7, g)]);
  }

  test('ten nested subgraphs decode', () => {
    let g = decodeModel(nestedIfs(10)).graph;
    for (let i = 0; i < 10; i++) {
      const a = g.nodes[0]!.attributes.then_branch!;
      if (a.type !== 'graph') throw new Error('expected a graph attribute');
      g = a.value;
    }
    expect(g.name).toBe('leaf');
  });

  test('a nesting bomb is E_ONNX_DECODE, not a stack overflow', () => {
    const e = errorOf(() => decodeModel(nestedIfs(500), { path: 'bomb.onnx' }));
    expect(e.code).toBe('E_ONNX_DECODE');
    expect(e.message).toContain('nesting depth');
  });
});

describe('versions', () => {
  test('IR version 2 is E_ONNX_VERSION', () => {
    const e = errorOf(() => decodeModel(encodeModelProto(reluModelProto({ irVersion: 2 })), { path: 'old.onnx' }));
    expect(e.code).toBe('E_ONNX_VERSION');
    expect(e.message).toContain('IR version 2');
    expect(e.hint).toContain('version_converter');
  });

  test('IR version 11 is E_ONNX_VERSION', () => {
    expect(errorOf(() => decodeModel(encodeModelProto(reluModelProto({ irVersion: 11 })))).code).toBe('E_ONNX_VERSION');
  });

  test('IR 3 and IR 10 are accepted', () => {
    expect(decodeModel(encodeModelProto(reluModelProto({ irVersion: 3 }))).irVersion).toBe(3);
    expect(decodeModel(encodeModelProto(reluModelProto({ irVersion: 10 }))).irVersion).toBe(10);
  });

  test('default-domain opset 22 is E_ONNX_VERSION, a custom domain version is not checked', () => {
    const e = errorOf(() => decodeModel(encodeModelProto(reluModelProto({ opsetImport: [{ domain: 'ai.onnx', version: 22 }] }))));
    expect(e.code).toBe('E_ONNX_VERSION');
    expect(e.message).toContain('opset 22');
    const m = decodeModel(encodeModelProto(reluModelProto({ opsetImport: [{ version: 21 }, { domain: 'com.example', version: 99 }] })));
    expect(m.opsetImports).toEqual([{ domain: '', version: 21 }, { domain: 'com.example', version: 99 }]);
  });
});
