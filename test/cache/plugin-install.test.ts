// `hodu plugin install` of a native plugin goes through the compile cache (kind "plugin"): the same sources a
// second time are copied out of the cache, changed sources compile again, and a corrupt entry is rebuilt with a
// warning. Through the compiled binary, with HODU_HOME and the cache in a temp dir.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cCompiler, describeWithTools } from '../support/optional-tools';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile, writeNpyFile } from '../e2e/hodu';
import { Tensor } from '../../src/ir/tensor';
import { entriesDir } from '../../src/cache/layout';

const tmp = tempDir('hodu-plugin-cache-');
const cache = join(tmp.dir, 'cache');
const pkg = join(tmp.dir, 'relu-ok');
// Two homes sharing one cache ([cache] dir through HODU_CACHE_DIR): the second install is in a fresh home.
const env = (home: string) => ({ HODU_HOME: join(tmp.dir, home), HODU_CACHE_DIR: cache });
const FIXTURES = join(import.meta.dir, '..', 'fixtures', 'plugins');
let model = '';

beforeAll(() => {
  requireBinary();
  mkdirSync(join(pkg, 'src'), { recursive: true });
  copyFileSync(join(FIXTURES, 'relu-ok.c'), join(pkg, 'src', 'relu-ok.c'));
  copyFileSync(join(FIXTURES, 'fixture-common.h'), join(pkg, 'src', 'fixture-common.h'));
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({
    name: 'relu-ok',
    version: '0.0.1',
    hodu: {
      type: 'backend',
      sdk: '^0.1.0',
      native: { sources: ['src/relu-ok.c'], cflags: ['-std=c11'], library: 'librelu-ok.so' },
      capabilities: { runner: true, builder: false, devices: ['cpu'], priority: 1, ops: ['Relu'], dtypes: ['float32'] },
    },
  }));
  model = writeModelFile(join(tmp.dir, 'relu.onnx'), buildModel({
    nodes: [{ name: 'r', op: 'Relu', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [4] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [4] } }],
  }));
});
afterAll(() => tmp.cleanup());

const install = (home: string) => hodu(['plugin', 'install', '--path', pkg], { env: env(home) });
const status = (home: string) => JSON.parse(hodu(['cache', 'status', '--json'], { env: env(home) }).stdout);
/** The plugin's Relu on [-1, 2, -3, 4] (the input file is written by the test). */
function reluOutputs(home: string): number[] {
  const input = writeNpyFile(join(tmp.dir, 'x.npy'), new Tensor('float32', [4], new Float32Array([-1, 2, -3, 4])));
  const r = hodu(['run', model, '--input', `x=${input}`, '--backend', 'relu-ok', '--json'], { env: env(home) });
  expect(`${r.code} ${r.stderr}`).toBe('0 ');
  return JSON.parse(r.stdout).outputs[0].data;
}

describeWithTools([cCompiler()], 'hodu plugin install through the compile cache', () => {
  test('first install compiles and stores the library; a second, in a fresh home, reuses it and runs', () => {
    const first = install('home-a');
    expect(`${first.code} ${first.stderr}`).toContain('compiling 1 C source');
    expect(first.code).toBe(0);
    expect(status('home-a')).toMatchObject({ entries: 1, hits: 0, misses: 1, byKind: { plugin: { entries: 1 } } });

    const second = install('home-b');
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('compiling 1 C source');
    expect(second.stderr).toContain('reused the library compiled from the same sources');
    expect(status('home-b')).toMatchObject({ entries: 1, hits: 1, misses: 1 });
    expect(reluOutputs('home-b')).toEqual([0, 2, 0, 4]);
  });

  test('a corrupt cached library is removed with a warning and compiled again', () => {
    const dir = entriesDir(cache);
    const [shard] = readdirSync(dir);
    const [entry] = readdirSync(join(dir, shard!));
    appendFileSync(join(dir, shard!, entry!, 'librelu-ok.so'), 'garbage');
    const r = install('home-c');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('was corrupt');
    expect(r.stderr).toContain('compiling 1 C source');
    expect(reluOutputs('home-c')).toEqual([0, 2, 0, 4]);
  });

  test('changed sources are a different entry: compiled, not reused', () => {
    appendFileSync(join(pkg, 'src', 'relu-ok.c'), '\n/* changed */\n');
    const r = install('home-d');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('compiling 1 C source');
    expect(status('home-d').byKind.plugin.entries).toBe(2);
  });
});
