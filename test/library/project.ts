/**
 * Set-up of the packed-tarball library test: `npm pack` hodu, make a fresh project, install the tarball into
 * it without the network, and write the models, their inputs and hodu CLI's outputs for them.
 *
 * onnxruntime-common (hodu's peer dependency) is installed from a tarball `npm pack` makes of the copy in
 * this checkout's node_modules (the version package-lock.json pins, as `npm ci` put it there): the same files
 * the registry serves, and it needs neither the network nor a particular state of npm's cache. Both tarballs
 * go in with one `npm install --offline` and a scratch cache, so anything else the package asked for (a
 * dependency it forgot to bundle) fails the install instead of being fetched.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeModel } from '../../src/formats/onnx/encode';
import { loadNpz, saveNpz } from '../../src/formats/npz/index';
import { feedInputs, type Model } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { loadModelFile } from '../../src/formats/registry';
import { buildModel, hodu } from '../e2e/hodu';
import { MODELS } from '../models/generate';
import { REAL_MODELS, REAL_MODELS_DIR, realModelFetched, type RealModel } from '../realmodels/models';
import { CONSUMER_FILES } from './consumer-files';

export const ROOT = join(import.meta.dir, '..', '..');

function sh(cmd: string[], cwd: string): string {
  const r = Bun.spawnSync(cmd, { cwd, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }, stdout: 'pipe', stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`${cmd.join(' ')} (in ${cwd}) exited ${r.exitCode}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout.toString();
}

export interface Packed {
  tarball: string;
  files: string[];
}

/** `npm pack` of this checkout (its prepack script builds dist/lib) into `dir`. */
export function packHodu(dir: string): Packed {
  const out = sh(['npm', 'pack', '--json', '--pack-destination', dir], ROOT);
  // npm prints the JSON report on stdout; lifecycle script output, if any, comes before it.
  const report = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  return { tarball: join(dir, report[0]!.filename), files: report[0]!.files.map((f) => f.path).sort() };
}

/** package.json as packed: the one npm installed from the tarball. */
export function installedManifest(project: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(project, 'node_modules', 'hodu', 'package.json'), 'utf8'));
}

/** A fresh project with the consumer code, hodu's tarball and onnxruntime-common installed offline. */
export function makeProject(dir: string, hoduTarball: string): string {
  const project = join(dir, 'project');
  mkdirSync(project);
  for (const [name, text] of Object.entries(CONSUMER_FILES)) writeFileSync(join(project, name), text);
  const ortOut = sh(['npm', 'pack', '--json', '--ignore-scripts', '--pack-destination', dir, join(ROOT, 'node_modules', 'onnxruntime-common')], dir);
  const ortTarball = join(dir, (JSON.parse(ortOut.slice(ortOut.indexOf('['))) as { filename: string }[])[0]!.filename);
  sh(['npm', 'install', '--offline', '--cache', join(dir, 'npm-cache'), hoduTarball, ortTarball], project);
  return project;
}

/** Gather with int64 indices over a symbolic first dim, and a bool output: the dtypes that need care across the API. */
function gatherModel(): Model {
  return buildModel({
    nodes: [
      { name: 'gather', op: 'Gather', domain: '', inputs: ['x', 'idx'], outputs: ['rows'], attributes: {} },
      { name: 'positive', op: 'Greater', domain: '', inputs: ['x', 'zero'], outputs: ['pos'], attributes: {} },
    ],
    inputs: [
      { name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: ['n', 4] } },
      { name: 'idx', type: { kind: 'tensor', dtype: 'int64', shape: [2] } },
    ],
    outputs: [
      { name: 'rows', type: { kind: 'tensor', dtype: 'float32', shape: [2, 4] } },
      { name: 'pos', type: { kind: 'tensor', dtype: 'bool', shape: ['n', 4] } },
    ],
    initializers: new Map([['zero', new Tensor('float32', [], new Float32Array([0]))]]),
  });
}

/** The models the test runs: three of the generated test models and gatherModel. */
const MODEL_BUILDERS: Record<string, () => Model> = {
  'resnet.onnx': MODELS['resnet.onnx']!,
  'transformer.onnx': MODELS['transformer.onnx']!,
  'lstm.onnx': MODELS['lstm.onnx']!,
  'gather.onnx': gatherModel,
};

/**
 * Real models, when test/realmodels/fetch.sh has fetched them: Silero VAD v5 (If nodes, an int64 scalar
 * input, a recurrent state) and the PP-OCR direction classifier (a CNN), as their users feed them.
 */
const REAL_MODEL_FILES = ['silero_vad_v5.onnx', 'ch_ppocr_mobile_v2.0_cls_infer.onnx'];

/** Seeded inputs; a symbolic dim is 2 (so it is not the 1 a default would give) unless `real` gives shapes and values. */
function inputsFor(model: Model, seed: number, real?: RealModel): Map<string, Tensor> {
  const rand = mulberry32(seed);
  const feeds = new Map<string, Tensor>();
  for (const input of feedInputs(model.graph)) {
    const t = input.type;
    if (t?.kind !== 'tensor' || !t.shape) throw new Error(`${input.name}: the test needs typed inputs`);
    const dims = real?.shapes?.[input.name] ?? t.shape.map((d) => (typeof d === 'number' ? d : 2));
    const n = dims.reduce((a, b) => a * b, 1);
    const fixed = real?.values?.[input.name];
    if (t.dtype === 'int64') feeds.set(input.name, new Tensor('int64', dims, BigInt64Array.from({ length: n }, (_, i) => BigInt(fixed?.[i] ?? (i * 7 + seed) % 2))));
    else feeds.set(input.name, new Tensor('float32', dims, Float32Array.from({ length: n }, () => rand() * 2 - 1)));
  }
  return feeds;
}

const toJson = (m: Map<string, Tensor>) => Object.fromEntries([...m].map(([k, t]) => [k, { type: t.dtype, dims: t.dims, data: Array.from(t.data as ArrayLike<unknown>, String) }]));

export interface Job {
  name: string;
  model: string;
  inputs: string;
  /** hodu run's outputs (`--output cli.npz`), the reference. */
  reference: Map<string, Tensor>;
}

/** Writes each model (the real ones stay where they are), its inputs (.npz for the CLI, JSON for the consumer) and the CLI's outputs for them. */
export async function writeJobs(dir: string): Promise<Job[]> {
  const jobs: Job[] = [];
  let seed = 1;
  const models: { name: string; model: Model; file?: string; real?: RealModel }[] = Object.entries(MODEL_BUILDERS).map(([name, build]) => ({ name, model: build() }));
  for (const real of REAL_MODELS.filter((m) => REAL_MODEL_FILES.includes(m.file) && realModelFetched(m))) {
    const file = join(REAL_MODELS_DIR, real.file);
    models.push({ name: real.file, model: await loadModelFile(file), file, real });
  }
  for (const { name, model, file, real } of models) {
    const base = join(dir, name.replace(/\.onnx$/, ''));
    if (!file) writeFileSync(`${base}.onnx`, encodeModel(model));
    const modelPath = file ?? `${base}.onnx`;
    const feeds = inputsFor(model, seed++, real);
    writeFileSync(`${base}-inputs.npz`, await saveNpz(feeds));
    writeFileSync(`${base}-inputs.json`, JSON.stringify(toJson(feeds)));
    const r = hodu(['run', modelPath, '--input', `${base}-inputs.npz`, '--output', `${base}-cli.npz`]);
    if (r.code !== 0) throw new Error(`hodu run ${name}: ${r.stderr}`);
    jobs.push({ name, model: modelPath, inputs: `${base}-inputs.json`, reference: await loadNpz(await Bun.file(`${base}-cli.npz`).bytes()) });
  }
  return jobs;
}
