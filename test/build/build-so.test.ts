/**
 * `hodu build` → .so and .a through the compiled binary: the generated models (test/models) built, driven
 * through the C API (fixtures/run-model.c; odd buffers unaligned) and compared with the interp; a second
 * build is a cache hit with the same bytes; two concurrent builds of one model agree. One HODU_CACHE_DIR for
 * the file, so the cpu kernel library compiles once.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { generateModels } from '../models/generate';
import { buildModel, HODU, requireBinary, tempDir, writeModelFile } from '../e2e/hodu';
import { float32Tensor } from '../../src/ir/tensor';
import { checkTools, cCompiler } from '../support/optional-tools';
import { compileRunner, expectClose, hoduBuild, interpOutputs, runArtifact, seededFeeds } from './support';

const tmp = tempDir('hodu-build-so-');
const env = { HODU_HOME: join(tmp.dir, 'home'), HODU_CACHE_DIR: join(tmp.dir, 'cache') };
afterAll(() => tmp.cleanup());

/** Models and the --shape each needs (their symbolic batch dims). */
const MODELS: Record<string, string[]> = {
  'mlp.onnx': [],
  'transformer.onnx': [],
  'resnet.onnx': ['--shape', 'image=2x3x32x32'],
  'mobilenet.onnx': [],
  'lstm.onnx': [],
  'gru.onnx': [],
};

const tools = checkTools([cCompiler()]);
const suite = tools.run ? describe : describe.skip;

suite(`hodu build (.so, .a)${tools.run ? '' : ` [skipped: ${'skip' in tools ? tools.skip : tools.fail}]`}`, () => {
  let paths: Record<string, string> = {};
  beforeAll(async () => {
    requireBinary();
    const written = await generateModels(join(tmp.dir, 'models'));
    paths = Object.fromEntries(written.map((p) => [p.split('/').pop()!, p]));
    // The first build compiles the kernel library (tens of seconds); every other one reuses it.
    const { r } = hoduBuild([paths['mlp.onnx']!, '-o', join(tmp.dir, 'warm.so')], env);
    if (r.code !== 0) throw new Error(r.stderr);
  }, 300_000);

  for (const [file, shapeArgs] of Object.entries(MODELS)) {
    for (const format of ['so', 'a'] as const) {
      test(`${file} as .${format} equals the interp`, async () => {
        const out = join(tmp.dir, `${file}.${format}`);
        const { r, json } = hoduBuild([paths[file]!, '-o', out, '-O2', ...shapeArgs], env);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(json!.format).toBe(format);
        expect(json!.bytes).toBe(readFileSync(out).byteLength);
        expect(json!.sha256).toBe(new Bun.CryptoHasher('sha256').update(readFileSync(out)).digest('hex'));
        const exe = join(tmp.dir, `run-${file}-${format}`);
        compileRunner(out, exe);
        const feeds = seededFeeds(json!.inputs);
        const model = decodeModel(readFileSync(paths[file]!));
        expectClose(runArtifact([exe], tmp.dir, feeds, json!), await interpOutputs(model, feeds, 2), `${file}.${format}`);
      }, 120_000);
    }
  }

  test('outputs the backend does not write (an input passed through, a Constant, an initializer) are filled by the model', async () => {
    const f32 = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });
    const model = buildModel({
      nodes: [
        { name: 'r', op: 'Relu', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} },
        { name: 'k', op: 'Constant', domain: '', inputs: [], outputs: ['k'], attributes: { value: { type: 'tensor', value: float32Tensor([1, 2, 3], [3]) } } },
      ],
      inputs: [{ name: 'x', type: f32([2, 3]) }],
      outputs: [{ name: 'y', type: f32([2, 3]) }, { name: 'x', type: f32([2, 3]) }, { name: 'k', type: f32([3]) }, { name: 'c', type: f32([3]) }],
      initializers: new Map([['c', float32Tensor([4, 5, 6], [3])]]),
    });
    const path = writeModelFile(join(tmp.dir, 'passthrough.onnx'), model);
    for (const format of ['so', 'a']) {
      const out = join(tmp.dir, `passthrough.${format}`);
      const { json } = hoduBuild([path, '-o', out], env);
      const exe = join(tmp.dir, `run-passthrough-${format}`);
      compileRunner(out, exe);
      const feeds = seededFeeds(json!.inputs);
      expectClose(runArtifact([exe], tmp.dir, feeds, json!), await interpOutputs(model, feeds, 2), `passthrough.${format}`);
    }
  }, 120_000);

  test('a .so exports only hodu_model_* functions', () => {
    const so = join(tmp.dir, 'warm.so');
    const nm = Bun.spawnSync(['nm', '-D', '--defined-only', so], { stdout: 'pipe' });
    const names = nm.stdout.toString().trim().split('\n').map((l) => l.split(' ').pop()!).filter(Boolean);
    expect(names.length).toBe(9);
    expect(names.filter((n) => !n.startsWith('hodu_model_'))).toEqual([]);
  });

  test('a second build is a cache hit with identical bytes; --no-cache rebuilds and stores nothing', () => {
    const args = [paths['transformer.onnx']!, '-O1'];
    const first = hoduBuild([...args, '-o', join(tmp.dir, 't1.so')], env).json!;
    const second = hoduBuild([...args, '-o', join(tmp.dir, 't2.so')], env).json!;
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.key).toBe(first.key);
    expect(second.sha256).toBe(first.sha256);
    const uncached = hoduBuild([...args, '-o', join(tmp.dir, 't3.so'), '--no-cache'], env).json!;
    expect(uncached.cache).toBe('off');
    expect(uncached.sha256).toBe(first.sha256);
    // Another -O, thread count or format is another artifact.
    expect(hoduBuild([paths['transformer.onnx']!, '-O2', '-o', join(tmp.dir, 't4.so')], env).json!.key).not.toBe(first.key);
    expect(hoduBuild([...args, '--threads', '2', '-o', join(tmp.dir, 't5.so')], env).json!.key).not.toBe(first.key);
  }, 120_000);

  test('two concurrent builds of one model both succeed with identical artifacts', async () => {
    const run = (out: string) => Bun.spawn([HODU, 'build', paths['gru.onnx']!, '-O0', '-o', out, '--json'], { env: { ...process.env, NO_COLOR: '1', ...env }, stdout: 'pipe', stderr: 'pipe' });
    const outs = [join(tmp.dir, 'c1.so'), join(tmp.dir, 'c2.so')];
    const procs = outs.map(run);
    const codes = await Promise.all(procs.map((p) => p.exited));
    const errs = await Promise.all(procs.map((p) => new Response(p.stderr).text()));
    expect(errs).toEqual(['', '']);
    expect(codes).toEqual([0, 0]);
    expect(existsSync(outs[0]!) && existsSync(outs[1]!)).toBe(true);
    expect(readFileSync(outs[0]!).equals(readFileSync(outs[1]!))).toBe(true);
  }, 120_000);
});
