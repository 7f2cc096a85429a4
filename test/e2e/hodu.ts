import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeModel } from '../../src/formats/onnx/encode';
import { writeNpy } from '../../src/formats/npy/write-npy';
import { saveNpz } from '../../src/formats/npz/index';
import { emptyGraph, type Graph, type Model, type Node } from '../../src/ir/graph';
import type { Tensor } from '../../src/ir/tensor';

/** The compiled binary under test (built by `npm test` before bun test runs). */
export const HODU = join(import.meta.dir, '..', '..', 'dist', 'hodu');

export function requireBinary(): void {
  if (!existsSync(HODU)) throw new Error(`${HODU} is missing: run \`npm run build\` (npm test does it first)`);
}

export interface HoduResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** An empty HODU_HOME for tests that do not set their own, so a developer's ~/.hodu never leaks in. */
const defaultHome = mkdtempSync(join(tmpdir(), 'hodu-home-'));
process.on('exit', () => rmSync(defaultHome, { recursive: true, force: true }));

/** Runs the compiled binary from `cwd` (default: a temp dir, so no project file is picked up). */
export function hodu(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): HoduResult {
  const r = Bun.spawnSync([HODU, ...args], {
    cwd: opts.cwd ?? tmpdir(),
    env: { ...process.env, NO_COLOR: '1', HODU_HOME: defaultHome, ...opts.env },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  return { code: r.exitCode ?? -1, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

export function tempDir(prefix = 'hodu-e2e-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeNpyFile(path: string, t: Tensor): string {
  writeFileSync(path, writeNpy(t));
  return path;
}

export async function writeNpzFile(path: string, tensors: Map<string, Tensor>): Promise<string> {
  writeFileSync(path, await saveNpz(tensors));
  return path;
}

/** A one-graph model from nodes, inputs and outputs (float32 unless typed). */
export function buildModel(parts: { nodes: Node[]; inputs: Graph['inputs']; outputs: Graph['outputs']; initializers?: Map<string, Tensor>; opset?: number }): Model {
  const graph: Graph = { ...emptyGraph('test'), nodes: parts.nodes, inputs: parts.inputs, outputs: parts.outputs, initializers: parts.initializers ?? new Map() };
  return { irVersion: 8, opsetImports: [{ domain: '', version: parts.opset ?? 17 }], producerName: 'hodu-tests', metadata: {}, graph, functions: [] };
}

export function writeModelFile(path: string, model: Model): string {
  writeFileSync(path, encodeModel(model));
  return path;
}

/** y = a + b over float32 [2,3]: the smallest model that runs. */
export function writeAddModel(path: string): string {
  const t = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [2, 3] };
  return writeModelFile(path, buildModel({
    nodes: [{ name: 'add_0', op: 'Add', domain: '', inputs: ['a', 'b'], outputs: ['y'], attributes: {} }],
    inputs: [{ name: 'a', type: t }, { name: 'b', type: t }],
    outputs: [{ name: 'y', type: t }],
  }));
}

/** MatMul of a scalar: loads and binds fine, fails only when it runs, with an E_SHAPE from the model itself. */
export function writeFailsAtRunModel(path: string): string {
  return writeModelFile(path, buildModel({
    nodes: [{ name: 'mm_0', op: 'MatMul', domain: '', inputs: ['a', 'b'], outputs: ['y'], attributes: {} }],
    inputs: [
      { name: 'a', type: { kind: 'tensor', dtype: 'float32', shape: [] } },
      { name: 'b', type: { kind: 'tensor', dtype: 'float32', shape: [3] } },
    ],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32' } }],
  }));
}

/** A fresh HODU_HOME and work folder under `parent/t<n>`, and `run` for hodu with that home (cwd: work). */
export function homeSandbox(parent: string) {
  const root = join(parent, `t${sandboxCount++}`);
  const home = join(root, 'home');
  const work = join(root, 'work');
  mkdirSync(home, { recursive: true });
  mkdirSync(work, { recursive: true });
  const run = (args: string[], env: Record<string, string> = {}, cwd = work) => hodu(args, { cwd, env: { HODU_HOME: home, ...env } });
  return { root, home, work, run, registry: join(home, 'plugins', 'plugins.json') };
}
let sandboxCount = 0;
