/**
 * Shared by the `hodu build` tests: build through the compiled binary, drive the artifact with
 * fixtures/run-model.c (inputs and outputs as raw bytes in descriptor order), and compare with the interp.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'bun:test';
import { bytesOf, type BigArray, type DType, type NumericArray } from '../../src/ir/dtype';
import { feedInputs, type Model } from '../../src/ir/graph';
import { fromNumbers, Tensor, toNumbers } from '../../src/ir/tensor';
import { prepareModel } from '../../src/runtime/prepare';
import { runModel } from '../../src/runtime/run-model';
import { mulberry32 } from '../../src/util/prng';
import { hodu, type HoduResult } from '../e2e/hodu';
import { cCompiler } from '../support/optional-tools';

export const RTOL = 1e-3;
export const ATOL = 1e-4;
export const API_INCLUDE = join(import.meta.dir, '..', '..', 'src', 'build', 'c');
export const RUNNER_SOURCE = join(import.meta.dir, 'fixtures', 'run-model.c');

export interface TensorDesc { name: string; dtype: DType; shape: number[] }
export interface BuildJson { output: string; format: string; target: string; bytes: number; sha256: string; cache: string; key: string; buildMs: number; inputs: TensorDesc[]; outputs: TensorDesc[] }

/** `hodu build ARGS --json` with the test file's HOME and cache; the parsed JSON on success. */
export function hoduBuild(args: string[], env: Record<string, string>): { r: HoduResult; json?: BuildJson } {
  const r = hodu(['build', ...args, '--json'], { env });
  return { r, json: r.code === 0 ? (JSON.parse(r.stdout) as BuildJson) : undefined };
}

/** Compiles the driver against an artifact (.so or .a) with `cc` (extra: e.g. a cross compiler's name). */
export function compileRunner(artifact: string, exe: string, cc: string[] = [cCompiler()]): void {
  const link = artifact.endsWith('.a') ? [artifact, '-lm', '-pthread'] : [artifact, `-Wl,-rpath,${join(artifact, '..')}`];
  const r = Bun.spawnSync([...cc, '-std=c11', '-O1', `-I${API_INCLUDE}`, RUNNER_SOURCE, '-o', exe, ...link], { stdout: 'pipe', stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`compiling the driver failed:\n${r.stderr}`);
}

/** Seeded inputs for the descriptors: uniform [-1, 1) floats, small non-negative integers. */
export function seededFeeds(inputs: TensorDesc[], seed = 7): Map<string, Tensor> {
  const rand = mulberry32(seed);
  return new Map(inputs.map((d) => {
    const n = d.shape.reduce((a, b) => a * b, 1);
    const float = d.dtype.startsWith('float') || d.dtype === 'bfloat16';
    return [d.name, fromNumbers(d.dtype, d.shape, Array.from({ length: n }, () => (float ? rand() * 2 - 1 : Math.floor(rand() * 3))))];
  }));
}

/** Runs `runner` (or `[qemu, runner]`) on the feeds; the outputs, decoded by the descriptors. */
export function runArtifact(cmd: string[], dir: string, feeds: Map<string, Tensor>, json: BuildJson): Map<string, Tensor> {
  const input = join(dir, 'in.bin');
  const output = join(dir, 'out.bin');
  const parts = json.inputs.map((d) => bytesOf(feeds.get(d.name)!.data as NumericArray | BigArray));
  writeFileSync(input, Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))));
  const r = Bun.spawnSync([...cmd, input, output], { stdout: 'pipe', stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`${cmd.join(' ')} exited ${r.exitCode}: ${r.stderr}`);
  const bytes = new Uint8Array(readFileSync(output));
  const outs = new Map<string, Tensor>();
  let at = 0;
  for (const d of json.outputs) {
    const n = d.shape.reduce((a, b) => a * b, 1);
    const t = fromNumbers(d.dtype, d.shape, new Array(n).fill(0));
    const view = bytesOf(t.data as NumericArray | BigArray);
    view.set(bytes.subarray(at, at + view.byteLength));
    at += view.byteLength;
    outs.set(d.name, t);
  }
  expect(at).toBe(bytes.byteLength);
  return outs;
}

/** The interp's outputs for the same feeds, at the same -O. */
export async function interpOutputs(model: Model, feeds: Map<string, Tensor>, optLevel: 0 | 1 | 2 | 3): Promise<Map<string, Tensor>> {
  const result = await runModel(prepareModel(model, optLevel), new Map(feeds), { backend: 'interp' });
  return result.outputs as Map<string, Tensor>;
}

/** Every output within rtol/atol of the interp's (the realmodels test's tolerance); names the first mismatch. */
export function expectClose(ours: Map<string, Tensor>, reference: Map<string, Tensor>, label: string): void {
  for (const [name, want] of reference) {
    const got = ours.get(name);
    expect(`${label} ${name}: ${got ? `[${got.dims}]` : 'missing'}`).toBe(`${label} ${name}: [${want.dims}]`);
    const x = toNumbers(got!);
    const y = toNumbers(want);
    let bad: string | undefined;
    for (let i = 0; i < y.length && !bad; i++) {
      if (!(Math.abs(Number(x[i]) - Number(y[i])) <= ATOL + RTOL * Math.abs(Number(y[i])))) bad = `${name}[${i}]: built ${x[i]} vs interp ${y[i]}`;
    }
    expect(bad ?? 'equal').toBe('equal');
  }
}

/** Fed inputs of a model, for checking the descriptors. */
export const fedNames = (model: Model) => feedInputs(model.graph).map((i) => i.name);
