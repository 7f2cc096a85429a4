/**
 * Backend selection as onnxruntime-web's resolveBackend (issue 10 item 6), in-process with a TS backend from
 * the template installed in a temp HODU_HOME: candidates by priority, judged by what plugins.json records.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseBackend } from '../../src/backends/registry';
import { HoduError } from '../../src/errors';
import { emptyGraph, type Graph, type Model, type Node } from '../../src/ir/graph';
import { recordedMissingOps } from '../../src/plugins/backend-candidates';
import { installFromPath } from '../../src/plugins/install';
import { readRegistry } from '../../src/plugins/plugins-json';
import { createPluginFromTemplate } from '../../src/plugins/new-plugin';

let root: string;
const savedHome = process.env.HODU_HOME;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hodu-select-'));
  process.env.HODU_HOME = join(root, 'home');
  const dir = join(root, 'tsel');
  await createPluginFromTemplate('tsel', { type: 'backend', lang: 'ts', dir });
  // Above interp (10), so it is tried first.
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkg.hodu.capabilities.priority = 20;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  await installFromPath(dir);
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  if (savedHome === undefined) delete process.env.HODU_HOME;
  else process.env.HODU_HOME = savedHome;
});

const node = (op: string, extra: Partial<Node> = {}): Node => ({ name: `n_${op}`, op, domain: '', inputs: ['x'], outputs: ['y'], attributes: {}, ...extra });
const modelOf = (nodes: Node[]): Model => ({
  irVersion: 8, opsetImports: [{ domain: '', version: 17 }], metadata: {}, functions: [],
  graph: { ...emptyGraph('m'), nodes, inputs: [{ name: 'x' }], outputs: [{ name: 'y' }] },
});

test('install records the ops a JS backend declares', () => {
  const entry = readRegistry().plugins.tsel;
  expect(entry?.type === 'backend' && entry.supports).toEqual({ ops: ['Add', 'Sub', 'Mul', 'Div', 'Relu', 'Neg'] });
});

test('recorded ops: ops inside subgraphs count, other domains are written domain::Op', () => {
  const branch: Graph = { ...emptyGraph('b'), nodes: [node('Conv')] };
  const model = modelOf([node('If', { attributes: { then_branch: { type: 'graph', value: branch } } }), node('Relu'), node('Fused', { domain: 'com.x' })]);
  expect(recordedMissingOps(model, { ops: ['Relu', 'If'] })).toEqual(['Conv', 'com.x::Fused']);
  expect(recordedMissingOps(model, {})).toBeUndefined();
});

test('the highest priority candidate that fits wins', async () => {
  const choice = await chooseBackend(modelOf([node('Relu')]));
  expect(choice.backend.name).toBe('tsel');
  expect(choice.reason).toContain('the highest priority (20)');
});

test('a candidate whose recorded ops miss one of the model is passed over unloaded; the next one is chosen', async () => {
  const choice = await chooseBackend(modelOf([node('Relu'), node('Tanh')]));
  expect(choice.backend.name).toBe('interp');
  expect(choice.reason).toContain('passed over: ');
  expect(choice.reason).toContain('tsel: does not support op Tanh (as recorded at install; not loaded)');
});

test('when none fits, one error names every candidate and its reason', async () => {
  const e = await chooseBackend(modelOf([node('NoSuchOp')])).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(HoduError);
  expect((e as HoduError).code).toBe('E_UNSUPPORTED_OP');
  expect((e as HoduError).message).toContain('tsel: does not support op NoSuchOp (as recorded at install; not loaded)');
  expect((e as HoduError).message).toContain('interp: does not support op NoSuchOp');
});

test('no candidate on the device: E_NO_BACKEND lists each with its devices', async () => {
  const e = await chooseBackend(modelOf([node('Relu')]), { device: 'cuda' }).catch((x: unknown) => x);
  expect((e as HoduError).code).toBe('E_NO_BACKEND');
  expect((e as HoduError).message).toContain("no backend plugin supports device 'cuda'; available: cpu (cpu), tsel (cpu), interp (cpu)");
});

test('--backend NAME still picks a lower priority backend', async () => {
  const choice = await chooseBackend(modelOf([node('Relu')]), { name: 'interp' });
  expect(choice.backend.name).toBe('interp');
  expect(choice.reason).toBe("'interp' was asked for by --backend");
});

test('--backend NAME off the device: E_NO_BACKEND (a usage mistake, exit 2) naming its devices, not an op error', async () => {
  const e = await chooseBackend(modelOf([node('Relu')]), { name: 'interp', device: 'gpu' }).catch((x: unknown) => x);
  expect((e as HoduError).code).toBe('E_NO_BACKEND');
  expect((e as HoduError).message).toBe("backend 'interp' does not run on device 'gpu' (devices: cpu)");
  expect((e as HoduError).hint).toContain('--device cpu');
});
