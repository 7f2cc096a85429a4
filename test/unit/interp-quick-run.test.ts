/**
 * Which runs stay on the main thread in the CLI (quick-run.ts): only those whose work is provably small from
 * static shapes; a big MatMul or Conv, control flow, recurrent ops and unknown shapes go to the worker thread.
 */
import { expect, test } from 'bun:test';
import { isQuickRun, QUICK_RUN_WORK } from '../../src/backends/interp/worker/quick-run';
import type { Graph, Model, Node } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import type { RuntimeValue } from '../../src/sdk/backend';

const node = (op: string, inputs: string[], outputs: string[], attributes: Node['attributes'] = {}): Node => ({ name: op, op, domain: '', inputs, outputs, attributes });

function model(nodes: Node[], initializers: [string, number[]][] = []): Model {
  const graph: Graph = {
    name: 'g', nodes, inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: ['n', 'k'] } }],
    outputs: [{ name: 'y' }], valueInfo: [], initializers: new Map(initializers.map(([name, dims]) => [name, new Tensor('float32', dims)])),
  };
  return { irVersion: 8, opsetImports: [{ domain: '', version: 17 }], metadata: {}, graph, functions: [] };
}
const feed = (...dims: number[]) => new Map<string, RuntimeValue>([['x', new Tensor('float32', dims)]]);

test('a MatMul is quick up to QUICK_RUN_WORK multiply-adds, judged from the fed shapes', async () => {
  const m = model([node('MatMul', ['x', 'w'], ['y'])], [['w', [256, 256]]]);
  expect(QUICK_RUN_WORK).toBe(20_000_000);
  expect(await isQuickRun(m, feed(64, 256))).toBe(true); // 64·256·256 ≈ 4.2 M
  expect(await isQuickRun(m, feed(1024, 256))).toBe(false); // 1024·256·256 ≈ 67 M
});

test('a Conv counts output elements × input channels × kernel size', async () => {
  const conv = model([node('Conv', ['x', 'w'], ['y'], { pads: { type: 'ints', value: [1, 1, 1, 1] } })], [['w', [64, 64, 3, 3]]]);
  const img = (hw: number) => new Map<string, RuntimeValue>([['x', new Tensor('float32', [1, 64, hw, hw])]]);
  conv.graph.inputs[0]!.type = { kind: 'tensor', dtype: 'float32', shape: [1, 64, 'h', 'w'] };
  expect(await isQuickRun(conv, img(16))).toBe(true); // 64·16·16 · 64·9 ≈ 9.4 M
  expect(await isQuickRun(conv, img(64))).toBe(false); // ≈ 151 M
});

test('many small elementwise nodes add up', async () => {
  const chain = Array.from({ length: 30 }, (_, i) => node('Relu', [i === 0 ? 'x' : `r${i - 1}`], [i === 29 ? 'y' : `r${i}`]));
  expect(await isQuickRun(model(chain), feed(100, 100))).toBe(true); // 30 · 20 k
  expect(await isQuickRun(model(chain), feed(1000, 1000))).toBe(false); // 30 · 2 M
});

test('recurrent ops, control flow, sequences and shapes it cannot infer are never called quick', async () => {
  const lstm = model([node('LSTM', ['x', 'w', 'r'], ['', 'y'], { hidden_size: { type: 'int', value: 2 } })], [['w', [1, 8, 2]], ['r', [1, 8, 2]]]);
  lstm.graph.inputs[0]!.type = { kind: 'tensor', dtype: 'float32', shape: [1, 1, 2] };
  expect(await isQuickRun(lstm, new Map([['x', new Tensor('float32', [1, 1, 2])]]))).toBe(false);
  const body: Graph = { name: 'b', nodes: [node('Identity', ['x'], ['o'])], inputs: [], outputs: [{ name: 'o' }], valueInfo: [], initializers: new Map() };
  const iff = model([node('If', ['c'], ['y'], { then_branch: { type: 'graph', value: body }, else_branch: { type: 'graph', value: body } })], []);
  iff.graph.inputs.push({ name: 'c', type: { kind: 'tensor', dtype: 'bool', shape: [] } });
  expect(await isQuickRun(iff, new Map([['x', new Tensor('float32', [1, 1])], ['c', new Tensor('bool', [])]]))).toBe(false);
  expect(await isQuickRun(model([node('Relu', ['x'], ['y'])]), new Map([['x', [new Tensor('float32', [1])]]]))).toBe(false);
});
