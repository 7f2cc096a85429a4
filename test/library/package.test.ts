/**
 * hodu as an npm library, tested the way a user meets it: `npm pack`, install the tarball into a fresh
 * project (offline: project.ts), run that project's code (consumer-files.ts: onnxruntime-common's API with
 * `import 'hodu/ort-backend'`, and the plain `loadModel`/`run`) under Node and under Bun, and compare every
 * output with what the compiled binary's `hodu run --output` writes for the same inputs. The binary picks its
 * native cpu backend and the library runs the interp, so floats agree to rtol 1e-5 (atol 1e-6 for values
 * near zero), not bit for bit; integers and bools exactly.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tensor } from '../../src/ir/tensor';
import { requireBinary, tempDir } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';
import { installedManifest, makeProject, packHodu, ROOT, writeJobs, type Job, type Packed } from './project';

type JsonTensor = { type: string; dims: number[]; data: string[] };
type Result = { outputs: Record<string, JsonTensor> } & Record<string, unknown>;

const RTOL = 1e-5;
const ATOL = 1e-6;

/** Where `got` differs from hodu run's `want`, or undefined when it agrees (see the tolerances above). */
function mismatch(got: JsonTensor | undefined, want: Tensor): string | undefined {
  if (!got) return 'missing';
  if (got.type !== want.dtype) return `type ${got.type}, hodu run gave ${want.dtype}`;
  if (got.dims.join(',') !== want.dims.join(',')) return `dims [${got.dims}], hodu run gave [${want.dims}]`;
  const ref = Array.from(want.data as ArrayLike<unknown>, String);
  const float = want.dtype.startsWith('float');
  for (let i = 0; i < ref.length; i++) {
    const [a, b] = [got.data[i]!, ref[i]!];
    const ok = float ? Math.abs(Number(a) - Number(b)) <= ATOL + RTOL * Math.abs(Number(b)) : a === b;
    if (!ok) return `element ${i}: ${a}, hodu run gave ${b}`;
  }
  return undefined;
}

describeWithTools(['npm', 'node'], 'the npm package (npm pack, installed into a fresh project)', () => {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let packed: Packed;
  let project: string;
  let jobs: Job[];

  beforeAll(async () => {
    requireBinary();
    tmp = tempDir('hodu-library-');
    packed = packHodu(tmp.dir);
    project = makeProject(tmp.dir, packed.tarball);
    jobs = await writeJobs(tmp.dir);
  }, 300_000);
  afterAll(() => tmp?.cleanup());

  /** Runs one consumer script over every job with `runtime`; each job's result, by model name. */
  function runConsumer(runtime: string, script: string): Map<string, Result> {
    const tag = `${runtime.split('/').pop()}-${script}`;
    const list = jobs.map((j) => ({ model: j.model, inputs: j.inputs, out: join(tmp!.dir, `${tag}-${j.name}.json`) }));
    const jobsFile = join(tmp!.dir, `${tag}-jobs.json`);
    writeFileSync(jobsFile, JSON.stringify(list));
    const r = Bun.spawnSync([runtime, script, jobsFile], { cwd: project, stdout: 'pipe', stderr: 'pipe' });
    expect(`${r.exitCode} ${r.stderr.toString()}`).toBe('0 ');
    return new Map(jobs.map((j, i) => [j.name, JSON.parse(readFileSync(list[i]!.out, 'utf8')) as Result]));
  }

  function expectSameAsCli(results: Map<string, Result>): void {
    for (const job of jobs) {
      const got = results.get(job.name)!.outputs;
      expect(Object.keys(got).sort()).toEqual([...job.reference.keys()].sort());
      const bad = [...job.reference].map(([name, want]) => [name, mismatch(got[name], want)]).filter(([, why]) => why);
      expect({ model: job.name, mismatches: Object.fromEntries(bad) }).toEqual({ model: job.name, mismatches: {} });
    }
  }

  test('the tarball holds the library bundle, its types and package.json, and no sources; onnxruntime-common is a peer', () => {
    expect(packed.files).toContain('dist/lib/index.js');
    expect(packed.files).toContain('dist/lib/ort-backend.js');
    expect(packed.files).toContain('dist/lib/index.d.ts');
    expect(packed.files).toContain('dist/lib/ort-backend.d.ts');
    expect(packed.files.filter((f) => !/^(dist\/lib\/[^/]+\.(js|d\.ts)|package\.json|README\.md)$/.test(f))).toEqual([]);
    const manifest = installedManifest(project);
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined();
    const pinned = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'onnxruntime-common', 'package.json'), 'utf8')).version as string;
    expect(Object.keys(manifest.peerDependencies as object)).toEqual(['onnxruntime-common']);
    expect(Bun.semver.satisfies(pinned, (manifest.peerDependencies as Record<string, string>)['onnxruntime-common']!)).toBe(true);
  });

  for (const [label, runtime] of [['Node', 'node'], ['Bun', process.execPath]] as const) {
    test(`${label}: InferenceSession.create(path, { executionProviders: ['hodu'] }) after import 'hodu/ort-backend' gives hodu run's outputs`, () => {
      const results = runConsumer(runtime, 'ort.mjs');
      expectSameAsCli(results);
      expect(results.get('gather.onnx')).toMatchObject({
        inputNames: ['x', 'idx'],
        outputNames: ['rows', 'pos'],
        inputMetadata: [{ name: 'x', isTensor: true, type: 'float32', shape: ['n', 4] }, { name: 'idx', isTensor: true, type: 'int64', shape: [2] }],
      });
    }, 120_000);

    test(`${label}: loadModel(bytes) and run() give hodu run's outputs; a missing input is an error with code and hint`, () => {
      const results = runConsumer(runtime, 'plain.mjs');
      expectSameAsCli(results);
      expect(results.get('gather.onnx')).toMatchObject({
        outputMetadata: [{ name: 'rows', isTensor: true, type: 'float32', shape: [2, 4] }, { name: 'pos', isTensor: true, type: 'bool', shape: ['n', 4] }],
        missingInputError: { isHoduError: true, code: 'E_INPUT_MISSING', message: "input 'x' was not given" },
      });
      expect((results.get('gather.onnx')!.missingInputError as { hint: string }).hint).toContain('x, idx');
    }, 120_000);
  }

  test('a TypeScript file using the package type-checks with tsc against the installed types', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = Bun.spawnSync(['node', tsc, '-p', 'tsconfig.json'], { cwd: project, stdout: 'pipe', stderr: 'pipe' });
    expect(`${r.exitCode} ${r.stdout.toString()}${r.stderr.toString()}`).toBe('0 ');
  }, 60_000);
});
