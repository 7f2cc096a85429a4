/** Installed plugins loaded in-process, as the lead's backend/format selection will use them. */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyGraph, type Model } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import { installFromPath } from '../../src/plugins/install';
import { listInstalledPlugins, loadInstalledBackend, loadInstalledFormats } from '../../src/plugins/installed';
import { createPluginFromTemplate, fillTemplate } from '../../src/plugins/new-plugin';
import { SDK_VERSION } from '../../src/version';

let root: string;
const savedHome = process.env.HODU_HOME;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hodu-installed-'));
  process.env.HODU_HOME = join(root, 'home');
  await createPluginFromTemplate('tback', { type: 'backend', lang: 'ts', dir: join(root, 'tback') });
  await createPluginFromTemplate('tfmt', { type: 'format', lang: 'ts', dir: join(root, 'tfmt') });
  await installFromPath(join(root, 'tback'));
  await installFromPath(join(root, 'tfmt'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  if (savedHome === undefined) delete process.env.HODU_HOME;
  else process.env.HODU_HOME = savedHome;
});

test('template placeholders', () => {
  expect(fillTemplate('__NAME__|__BASENAME__|__IDENT__|__SDK_RANGE__|lib__NAME__.so', '@acme/fast-cpu')).toBe(`@acme/fast-cpu|fast-cpu|fast_cpu|^${SDK_VERSION}|libfast_cpu.so`);
});

test('listInstalledPlugins reports both with status ok', () => {
  expect(listInstalledPlugins().map((p) => [p.name, p.type, p.status])).toEqual([
    ['tback', 'backend', 'ok'],
    ['tfmt', 'format', 'ok'],
  ]);
});

test('the TS backend template runs y = relu(a - b) and names what it cannot run', async () => {
  const graph = { ...emptyGraph('t'), nodes: [
    { name: 'sub', op: 'Sub', domain: '', inputs: ['a', 'b'], outputs: ['d'], attributes: {} },
    { name: 'relu', op: 'Relu', domain: '', inputs: ['d'], outputs: ['y'], attributes: {} },
  ], inputs: [{ name: 'a' }, { name: 'b' }], outputs: [{ name: 'y' }] };
  const model: Model = { irVersion: 8, opsetImports: [{ domain: '', version: 17 }], metadata: {}, graph, functions: [] };
  const backend = await loadInstalledBackend('tback');
  expect(backend.unsupportedOps?.(model)).toEqual([]);
  expect(backend.unsupportedOps?.({ ...model, graph: { ...graph, nodes: [{ ...graph.nodes[0]!, op: 'Conv' }] } })).toEqual(['Conv']);
  const session = await backend.createSession(model);
  const out = await session.run(new Map([
    ['a', new Tensor('float32', [2, 2], Float32Array.from([1, 5, -3, 0.5]))],
    ['b', new Tensor('float32', [2, 2], Float32Array.from([2, 1, -4, 0.5]))],
  ]));
  const y = out.get('y') as Tensor;
  // a - b = [-1, 4, 1, 0] → relu → [0, 4, 1, 0]
  expect(y.dims).toEqual([2, 2]);
  expect(Array.from(y.data as Float32Array)).toEqual([0, 4, 1, 0]);
});

test('the TS format template round-trips every storage kind, including NaN, -0 and int64', async () => {
  const [fmt] = await loadInstalledFormats((name, e) => {
    throw new Error(`${name}: ${e.message}`);
  });
  expect(fmt!.name).toBe('tfmt');
  const tensors = new Map<string, Tensor>([
    ['f', new Tensor('float32', [2, 2], Float32Array.from([1.5, NaN, -0, Infinity]))],
    ['i', new Tensor('int64', [3], BigInt64Array.from([-(2n ** 63n), 0n, 2n ** 62n + 1n]))],
    ['s', new Tensor('string', [2], ['a', 'héllo'])],
    ['b', new Tensor('bool', [1], Uint8Array.from([1]))],
  ]);
  const bytes = await fmt!.saveTensors!(tensors);
  const back = await fmt!.loadTensors!(bytes, { path: 'x.tfmt' });
  expect([...back.keys()]).toEqual(['f', 'i', 's', 'b']);
  const f = back.get('f')!.data as Float32Array;
  expect(f[0]).toBe(1.5);
  expect(Number.isNaN(f[1])).toBe(true);
  expect(Object.is(f[2], -0)).toBe(true);
  expect(f[3]).toBe(Infinity);
  expect(Array.from(back.get('i')!.data as BigInt64Array)).toEqual([-(2n ** 63n), 0n, 2n ** 62n + 1n]);
  expect(back.get('s')!.data).toEqual(['a', 'héllo']);
  expect(back.get('b')!.dtype).toBe('bool');
  await expect(Promise.resolve().then(() => fmt!.loadTensors!(new TextEncoder().encode('{oops'), { path: 'bad.tfmt' }))).rejects.toThrow('bad.tfmt: not valid JSON');
});

test('loading a backend as a format (or an unknown name) is a clear error', async () => {
  await expect(loadInstalledBackend('tfmt')).rejects.toThrow("plugin 'tfmt' is a format plugin, not a backend");
  await expect(loadInstalledBackend('tbak')).rejects.toThrow("no installed plugin named 'tbak'");
});
