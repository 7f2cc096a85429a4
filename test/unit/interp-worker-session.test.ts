/**
 * The interp session that runs on a worker thread (what the CLI uses, so that Ctrl+C is handled at once) must
 * behave like the in-thread one: same outputs (tensors of every storage type, sequences, absent optionals,
 * subgraph initializers), errors that keep their code and hint, per-node timings.
 */
import { afterAll, expect, test } from 'bun:test';
import interp from '../../src/backends/interp/index';
import { createWorkerSession } from '../../src/backends/interp/worker/worker-session';
import { HoduError } from '../../src/errors';
import type { Graph, Model, Node } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import type { RuntimeValue } from '../../src/sdk/backend';

const node = (op: string, inputs: string[], outputs: string[], attributes: Node['attributes'] = {}): Node => ({ name: `${op}_${outputs[0]}`, op, domain: '', inputs, outputs, attributes });

function model(nodes: Node[], inputs: string[], outputs: string[], initializers = new Map<string, Tensor>()): Model {
  const graph: Graph = { name: 'g', nodes, inputs: inputs.map((name) => ({ name })), outputs: outputs.map((name) => ({ name })), valueInfo: [], initializers };
  return { irVersion: 8, opsetImports: [{ domain: '', version: 18 }], metadata: {}, graph, functions: [] };
}

const sessions: { dispose?(): void }[] = [];
afterAll(() => sessions.forEach((s) => s.dispose?.()));

async function both(m: Model, feeds: Map<string, RuntimeValue>, profile = false) {
  const inThread = await (await interp.createSession(m, { profile })).run(feeds);
  const session = createWorkerSession(m, { threads: 1, profile });
  sessions.push(session);
  return { inThread, onWorker: await session.run(feeds), session };
}

test('outputs match the in-thread session and are real Tensors: float, int64, bool, string, sequence, absent optional', async () => {
  const thenBranch: Graph = {
    name: 'then', nodes: [node('Identity', ['k'], ['t'])], inputs: [], outputs: [{ name: 't' }], valueInfo: [],
    initializers: new Map([['k', new Tensor('int64', [2], BigInt64Array.from([7n, 8n]))]]), // a subgraph initializer
  };
  const elseBranch: Graph = { ...thenBranch, name: 'else', initializers: new Map([['k', new Tensor('int64', [2], BigInt64Array.from([1n, 2n]))]]) };
  const m = model([
    node('Add', ['x', 'w'], ['sum']),
    node('Greater', ['sum', 'x'], ['gt']),
    node('Cast', ['sum'], ['ints'], { to: { type: 'int', value: 7 } }),
    node('SequenceConstruct', ['x', 'sum'], ['seq']),
    node('Optional', [], ['none'], { type: { type: 'type_proto', value: { kind: 'tensor', dtype: 'float32' } } }),
    node('Identity', ['s'], ['strs']),
    node('If', ['c'], ['branch'], { then_branch: { type: 'graph', value: thenBranch }, else_branch: { type: 'graph', value: elseBranch } }),
  ], ['x', 's', 'c'], ['sum', 'gt', 'ints', 'seq', 'none', 'strs', 'branch'], new Map([['w', new Tensor('float32', [3], Float32Array.from([1, -1, 0.5]))]]));
  const feeds = new Map<string, RuntimeValue>([
    ['x', new Tensor('float32', [3], Float32Array.from([1, 2, 3]))],
    ['s', new Tensor('string', [2], ['a', 'β'])],
    ['c', new Tensor('bool', [], Uint8Array.from([1]))],
  ]);
  const { inThread, onWorker } = await both(m, feeds);
  expect(onWorker).toEqual(inThread);
  expect(onWorker.get('sum')).toBeInstanceOf(Tensor);
  expect((onWorker.get('seq') as Tensor[])[1]).toBeInstanceOf(Tensor);
  expect(onWorker.get('none')).toBeNull();
  expect([...(onWorker.get('branch') as Tensor).data as BigInt64Array]).toEqual([7n, 8n]);
});

test('a kernel error comes back as the same HoduError (code, message naming the node, hint, node)', async () => {
  const m = model([node('MatMul', ['a', 'b'], ['y'])], ['a', 'b'], ['y']);
  const feeds = new Map<string, RuntimeValue>([
    ['a', new Tensor('float32', [2, 3])],
    ['b', new Tensor('float32', [4, 2])],
  ]);
  const expected = await (await interp.createSession(m)).run(feeds).catch((e) => e);
  const session = createWorkerSession(m, { threads: 1, profile: false });
  sessions.push(session);
  const got = await session.run(feeds).catch((e) => e);
  expect(expected).toBeInstanceOf(HoduError);
  expect(got).toBeInstanceOf(HoduError);
  expect([got.code, got.message, got.hint, got.exitCode]).toEqual([expected.code, expected.message, expected.hint, expected.exitCode]);
  expect(got.node).toEqual({ name: 'MatMul_y', op: 'MatMul', domain: '' });
  // The worker survives a failed run.
  const ok = await session.run(new Map([['a', new Tensor('float32', [2, 3])], ['b', new Tensor('float32', [3, 2])]]));
  expect((ok.get('y') as Tensor).dims).toEqual([2, 2]);
});

test('per-node timings come back with --profile; sessions are independent', async () => {
  const m = model([node('Relu', ['x'], ['r']), node('Neg', ['r'], ['y'])], ['x'], ['y']);
  const feeds = new Map<string, RuntimeValue>([['x', new Tensor('float32', [2], Float32Array.from([-1, 2]))]]);
  const { onWorker, session } = await both(m, feeds, true);
  expect([...(onWorker.get('y') as Tensor).data]).toEqual([-0, -2]);
  expect(session.profile!()!.map((t) => [t.node, t.op])).toEqual([['Relu_r', 'Relu'], ['Neg_y', 'Neg']]);
  const other = createWorkerSession(model([node('Abs', ['x'], ['y'])], ['x'], ['y']), { threads: 1, profile: false });
  sessions.push(other);
  expect([...((await other.run(feeds)).get('y') as Tensor).data]).toEqual([1, 2]);
  expect([...((await session.run(feeds)).get('y') as Tensor).data]).toEqual([-0, -2]);
});
