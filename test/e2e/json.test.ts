/** `--json` everywhere: every leaf command has it, errors are JSON on stdout too, big outputs are summarised. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import type { ArgDef } from 'citty';
import type { HoduCommand } from '../../src/cli/command';
import { commands } from '../../src/cli/commands/index';
import { resolveSubCommands, resolveValue } from '../../src/cli/lazy-commands';
import { float32Tensor, Tensor } from '../../src/ir/tensor';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile, writeNpyFile } from './hodu';

const tmp = tempDir();
const dir = tmp.dir;

beforeAll(() => requireBinary());
afterAll(() => tmp.cleanup());

/** Every command that runs (no subcommands), as its path: ['run'], ['plugin', 'install'], … */
async function leafCommands(): Promise<{ path: string[]; cmd: HoduCommand }[]> {
  const leaves: { path: string[]; cmd: HoduCommand }[] = [];
  const walk = async (path: string[], cmd: HoduCommand) => {
    const subs = await resolveSubCommands(cmd);
    if (!subs) return void leaves.push({ path, cmd });
    for (const [name, load] of Object.entries(subs)) await walk([...path, name], await load());
  };
  for (const [name, entry] of Object.entries(commands)) await walk([name], await entry.load());
  return leaves;
}

// `completions` prints a shell script meant to be sourced or saved as is; a JSON wrapper around it
// would serve no script, so it is the one leaf without --json.
const NO_JSON = new Set(['completions']);

test('every leaf command has a --json flag (except completions, which prints a shell script)', async () => {
  const leaves = await leafCommands();
  expect(leaves.length).toBeGreaterThan(15);
  const missing: string[] = [];
  for (const { path, cmd } of leaves) {
    if (NO_JSON.has(path.join(' '))) continue;
    const args = ((await resolveValue(cmd.args)) ?? {}) as Record<string, ArgDef>;
    if (args.json?.type !== 'boolean') missing.push(path.join(' '));
    // The binary agrees: its help lists the flag.
    else if (!hodu(['help', ...path]).stdout.includes('--json')) missing.push(`${path.join(' ')} (help)`);
  }
  expect(missing).toEqual([]);
});

describe('an error in --json mode is a JSON object on stdout as well as the line on stderr', () => {
  test('a missing model file', () => {
    const model = join(dir, 'missing.onnx');
    const r = hodu(['run', model, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toStartWith(`error[E_NOT_FOUND]: ${model}`);
    const { error } = JSON.parse(r.stdout);
    expect(error.code).toBe('E_NOT_FOUND');
    expect(error.message).toContain(model);
    expect(error.hint.length).toBeGreaterThan(0);
  });
  test('a usage error caught before the command runs', () => {
    const r = hodu(['plugin', 'info', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'E_USAGE', message: "missing argument <NAME> for 'hodu plugin info'" });
  });
});

test('an error about one node names it in --json: name, op and domain', () => {
  // Reshape of 6 elements into 4: the schema or the kernel refuses it, either way about node 'r1'.
  const model = writeModelFile(join(dir, 'bad-reshape.onnx'), buildModel({
    nodes: [{ name: 'r1', op: 'Reshape', domain: '', inputs: ['x', 'shape'], outputs: ['y'], attributes: {} }],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [2, 3] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [4] } }],
    initializers: new Map([['shape', new Tensor('int64', [1], BigInt64Array.from([4n]))]]),
  }));
  const r = hodu(['run', model, '--random-inputs', '--json']);
  expect(r.code).not.toBe(0);
  const { error } = JSON.parse(r.stdout);
  expect(error.node).toEqual({ name: 'r1', op: 'Reshape', domain: '' });
  expect(error.message).toContain("Reshape node 'r1'");
});

describe('the leaf commands that lacked --json', () => {
  test('config path --json', () => {
    const home = join(dir, 'home-path');
    const r = hodu(['config', 'path', '--json'], { env: { HODU_HOME: home } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ path: join(home, 'config.toml'), exists: false });
  });
  test('plugin new, rebuild and remove --json', () => {
    const home = join(dir, 'home-plugin');
    const env = { HODU_HOME: home };
    const created = hodu(['plugin', 'new', 'json-demo', '--type', 'backend', '--lang', 'ts', '--dir', join(dir, 'json-demo'), '--json'], { env });
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ name: 'json-demo', type: 'backend', lang: 'ts', dir: join(dir, 'json-demo') });
    expect(hodu(['plugin', 'install', '--path', join(dir, 'json-demo'), '--quiet'], { env }).code).toBe(0);
    const rebuilt = hodu(['plugin', 'rebuild', 'json-demo', '--json'], { env });
    expect(rebuilt.code).toBe(0);
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({ name: 'json-demo', type: 'backend' });
    const removed = hodu(['plugin', 'remove', 'json-demo', '--json'], { env });
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout).removed).toMatchObject({ name: 'json-demo', type: 'backend' });
  });
});

test('run --json summarises an output over 100k elements: shape, dtype, statistics and the first values', () => {
  const n = 400 * 300;
  const values = Array.from({ length: n }, (_, i) => (i % 1000 === 999 ? NaN : (i % 7) - 3));
  const input = writeNpyFile(join(dir, 'big.npy'), float32Tensor(values, [400, 300]));
  const model = writeModelFile(join(dir, 'identity.onnx'), buildModel({
    nodes: [{ name: 'id_0', op: 'Identity', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [400, 300] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [400, 300] } }],
  }));
  const r = hodu(['run', model, '--input', input, '--json']);
  expect(r.code).toBe(0);
  const [y] = JSON.parse(r.stdout).outputs;
  const finite = values.filter((v) => !Number.isNaN(v));
  expect(y).toMatchObject({ name: 'y', dtype: 'float32', shape: [400, 300], truncated: true, size: n, min: -3, max: 3, nanCount: n / 1000 });
  expect(y.mean).toBeCloseTo(finite.reduce((a, b) => a + b, 0) / finite.length, 6);
  expect(y.head).toEqual(values.slice(0, 20));
  expect(y.data).toBeUndefined();
});
