/**
 * The IR text form reads back: hand-written texts parse to the model they describe, and print → parse → print
 * gives the same text for the example models, the generated test models and every ONNX test-data model
 * that decodes (structure only, as `hodu inspect --graph` prints it, and with the tensor data).
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HoduError } from '../../src/errors';
import { decodeModel } from '../../src/formats/onnx/decode';
import type { Model } from '../../src/ir/graph';
import { printModel } from '../../src/ir/printer';
import { toNumbers } from '../../src/ir/tensor';
import { parseModel } from '../../src/ir/text-parser';
import { listTests } from '../conformance/runner';
import { onnxTestDataDir } from '../conformance/testdata';
import { generateModels } from '../models/generate';

const lines = (...l: string[]) => l.join('\n');

describe('parse', () => {
  test('types, quoted names, every attribute kind and a subgraph', () => {
    const text = lines(
      'model ir=9 opsets=[ai.onnx:18, com.microsoft:1]',
      'graph "my graph" (x: float32[N,4], "a b": seq<int64[*]>, y:0: ?) -> (out: float16[2,?]) {',
      '  init w: float32[2] = [0.5,-1]',
      '  %h, _ = com.microsoft::Foo(x, _, "a b") {alpha=1.0, n=-3, s="q\\"", fs=[0.25,2.0], is=[1,2], ss=["u","v"], t=tensor<int64[2] = [7,-9]>, ty=optional<bool[]>, r=@beta, nan=NaN}',
      '  out = If(%h)',
      '    then_branch:',
      '    graph then () -> (o: ?) {',
      '      o = Identity(%w)',
      '    }',
      '}',
    );
    const m = parseModel(text);
    expect(m.irVersion).toBe(9);
    expect(m.opsetImports).toEqual([{ domain: '', version: 18 }, { domain: 'com.microsoft', version: 1 }]);
    const g = m.graph;
    expect(g.name).toBe('my graph');
    expect(g.inputs.map((i) => i.name)).toEqual(['x', 'a b', 'y:0']);
    expect(g.inputs[1]!.type).toEqual({ kind: 'sequence', elem: { kind: 'tensor', dtype: 'int64', shape: undefined } });
    expect(g.inputs[2]!.type).toBeUndefined();
    expect(g.outputs[0]!.type).toEqual({ kind: 'tensor', dtype: 'float16', shape: [2, '?'] });
    expect(Array.from(toNumbers(g.initializers.get('w')!))).toEqual([0.5, -1]);
    const foo = g.nodes[0]!;
    expect([foo.domain, foo.op, foo.inputs, foo.outputs]).toEqual(['com.microsoft', 'Foo', ['x', '', 'a b'], ['h', '']]);
    const a = foo.attributes;
    expect([a.alpha, a.n, a.s, a.fs, a.is, a.ss, a.r]).toEqual([
      { type: 'float', value: 1 },
      { type: 'int', value: -3 },
      { type: 'string', value: 'q"' },
      { type: 'floats', value: [0.25, 2] },
      { type: 'ints', value: [1, 2] },
      { type: 'strings', value: ['u', 'v'] },
      { type: 'ref', value: 'beta' },
    ]);
    expect(a.t?.type === 'tensor' && [a.t.value.dtype, Array.from(a.t.value.data as BigInt64Array)]).toEqual(['int64', [7n, -9n]]);
    expect(a.ty).toEqual({ type: 'type_proto', value: { kind: 'optional', elem: { kind: 'tensor', dtype: 'bool', shape: [] } } });
    expect(a.nan?.type === 'float' && Number.isNaN(a.nan.value)).toBe(true);
    const branch = g.nodes[1]!.attributes.then_branch;
    expect(branch?.type === 'graph' && branch.value.nodes[0]!.inputs).toEqual(['w']);
    expect(printModel(m, { data: true })).toBe(text);
  });

  test('an initializer that is also a graph input, and value_info, read back in data mode', () => {
    const text = lines('model ir=8 opsets=[ai.onnx:17]', 'graph g (x: float32[2]) -> (y: ?) {', '  init b: float32[2] (input) = [1,2]', '  info %t: float32[2]', '  %t = Add(x, b)', '  y = Relu(%t)', '}');
    const m = parseModel(text.replace('info %t', 'info t'));
    expect(m.graph.inputs.map((i) => i.name)).toEqual(['x', 'b']);
    expect(m.graph.valueInfo).toEqual([{ name: 't', type: { kind: 'tensor', dtype: 'float32', shape: [2] } }]);
    expect(printModel(m, { data: true })).toBe(text.replace('info %t', 'info t'));
  });

  test('without data, initializers are zeros of the printed type', () => {
    const m = parseModel(lines('model ir=8 opsets=[ai.onnx:17]', 'graph g () -> (w: ?) {', '  init w: int32[2,2]', '}'));
    const w = m.graph.initializers.get('w')!;
    expect([w.dtype, w.dims, Array.from(w.data as Int32Array)]).toEqual(['int32', [2, 2], [0, 0, 0, 0]]);
  });

  test('a malformed line is E_GRAPH naming the line', () => {
    const bad = lines('model ir=8 opsets=[ai.onnx:17]', 'graph g (x: float32[2]) -> (y: ?) {', '  y = Relu(x', '}');
    expect(() => parseModel(bad)).toThrow(HoduError);
    expect(() => parseModel(bad)).toThrow("IR text line 3: expected ')'");
    expect(() => parseModel(lines('model ir=8 opsets=[ai.onnx:17]', 'graph g () -> () {'))).toThrow("has no closing '}'");
    expect(() => parseModel(lines('model ir=8 opsets=[ai.onnx:17]', 'graph g (x: floaty[2]) -> () {', '}'))).toThrow("unknown dtype 'floaty'");
  });
});

function expectRoundTrip(label: string, m: Model): void {
  for (const data of [false, true]) {
    const text = printModel(m, { data });
    expect(`${label}: ${printModel(parseModel(text), { data })}`).toBe(`${label}: ${text}`);
  }
}

describe('print → parse → print', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hodu-ir-text-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('example and generated models', async () => {
    const examples = readdirSync(join(import.meta.dir, '..', '..', 'examples')).filter((f) => f.endsWith('.onnx')).map((f) => join(import.meta.dir, '..', '..', 'examples', f));
    const paths = [...examples, ...(await generateModels(dir))];
    expect(paths.length).toBeGreaterThan(1);
    for (const path of paths) expectRoundTrip(path, decodeModel(readFileSync(path), { path }));
  });

  const root = onnxTestDataDir();
  test.skipIf(!root)('every ONNX test-data model that decodes', () => {
    let count = 0;
    for (const suite of readdirSync(root!).filter((d) => existsSync(join(root!, d)) && !d.includes('.'))) {
      for (const name of listTests(join(root!, suite))) {
        const path = join(root!, suite, name, 'model.onnx');
        let m: Model;
        try {
          m = decodeModel(readFileSync(path), { path });
        } catch {
          continue; // the conformance suite reports what does not decode
        }
        expectRoundTrip(`${suite}/${name}`, m);
        count++;
      }
    }
    expect(count).toBeGreaterThan(1000);
  });
});
