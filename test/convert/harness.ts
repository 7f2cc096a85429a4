/**
 * The check every opset upgrade test makes: write a model built at an old opset, convert it with the compiled
 * binary, and require the converted file to compute what the original computes, on hodu's interp (both files
 * through `dist/hodu run`) and on onnxruntime-node (the converted file only: the reference it is held to is
 * hodu's run of the original, which the conformance suite checks against ONNX's own outputs).
 */
import { expect } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { decodeModel } from '../../src/formats/onnx/decode';
import { loadNpz } from '../../src/formats/npz/index';
import { opsetFor, type Model } from '../../src/ir/graph';
import { fromNumbers, type Tensor, toNumbers } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { hodu, requireBinary, writeModelFile, writeNpzFile } from '../e2e/hodu';
import { GraphBuilder } from '../models/builder';

/** Seeded uniform [-2, 2) feeds (float32) of the given shapes. */
export function feedsFor(shapes: Record<string, number[]>, seed = 3): Map<string, Tensor> {
  const rand = mulberry32(seed);
  return new Map(Object.entries(shapes).map(([name, dims]) => [name, fromNumbers('float32', dims, Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => rand() * 4 - 2))]));
}

/** `hodu run FILE` on the interp with `feeds`; the outputs by name. */
export async function runOnHodu(dir: string, file: string, feeds: Map<string, Tensor>, tag: string): Promise<Map<string, Tensor>> {
  const inputs = await writeNpzFile(join(dir, `${tag}-in.npz`), feeds);
  const out = join(dir, `${tag}-out.npz`);
  const r = hodu(['run', file, '--input', inputs, '--output', out, '--backend', 'interp', '-O0']);
  if (r.code !== 0) throw new Error(`hodu run ${file} exited ${r.code}: ${r.stderr}`);
  return loadNpz(readFileSync(out), out);
}

export async function runOnOrt(file: string, feeds: Map<string, Tensor>): Promise<Map<string, Tensor>> {
  const session = await ort.InferenceSession.create(file);
  const ortFeeds = Object.fromEntries([...feeds].map(([k, v]) => [k, v.dtype === 'int64' ? new ort.Tensor('int64', v.data as BigInt64Array, [...v.dims]) : new ort.Tensor('float32', v.data as Float32Array, [...v.dims])]));
  const out = await session.run(ortFeeds);
  return new Map(Object.entries(out).map(([k, t]) => [k, fromNumbers(t.type === 'int64' ? 'int64' : 'float32', t.dims, Array.from(t.data as ArrayLike<number | bigint>, Number))]));
}

/** Equal within rtol/atol, shapes equal, NaN equal to NaN. */
export function expectClose(actual: Map<string, Tensor>, expected: Map<string, Tensor>, what: string, tol = 1e-5): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, e] of expected) {
    const a = actual.get(name)!;
    expect(`${what} ${name} [${a.dims}]`).toBe(`${what} ${name} [${e.dims}]`);
    const [x, y] = [Array.from(toNumbers(a), Number), Array.from(toNumbers(e), Number)];
    const bad = y.findIndex((v, i) => !(Number.isNaN(v) ? Number.isNaN(x[i]!) : Math.abs(x[i]! - v) <= tol + tol * Math.abs(v)));
    expect(bad < 0 ? `${what} ${name}: equal` : `${what} ${name}[${bad}]: ${x[bad]} vs ${y[bad]}`).toBe(`${what} ${name}: equal`);
  }
}

export interface Upgraded {
  /** The converted model as decoded from the file. */
  model: Model;
  json: { opset: { from: number; to: number; rewritten: { node: string; op: string; opsets: number[] }[]; addedNodes: number } };
}

/**
 * Converts `model` to `target` through the binary and checks the converted file against the original on
 * hodu and onnxruntime. Returns the converted model for structural checks.
 */
export async function expectSameAfterUpgrade(dir: string, name: string, model: Model, target: number, feeds: Map<string, Tensor>, tol = 1e-5): Promise<Upgraded> {
  requireBinary();
  const src = writeModelFile(join(dir, `${name}.onnx`), model);
  const dst = join(dir, `${name}-${target}.onnx`);
  const r = hodu(['convert', src, dst, '--opset', String(target), '--json']);
  if (r.code !== 0) throw new Error(`hodu convert ${name} --opset ${target} exited ${r.code}: ${r.stderr}`);
  const converted = decodeModel(readFileSync(dst), { path: dst });
  expect(opsetFor(converted)).toBe(target);
  const before = await runOnHodu(dir, src, feeds, `${name}-a`);
  expectClose(await runOnHodu(dir, dst, feeds, `${name}-b`), before, `${name}: hodu, converted vs original:`, tol);
  expectClose(await runOnOrt(dst, feeds), before, `${name}: onnxruntime on the converted file vs hodu on the original:`, Math.max(tol, 1e-5));
  return { model: converted, json: JSON.parse(r.stdout) };
}

/** The ops of a model's main graph, in order. */
export const opsOf = (m: Model) => m.graph.nodes.map((n) => n.op);

/** One input x of `shape`, the nodes `body` adds, one output; at `opset`. */
export function model(opset: number, shape: number[], body: (b: GraphBuilder, x: string) => string | string[], outShapes: number[][] = [[]]): Model {
  const b = new GraphBuilder('g', 1);
  const x = b.input('x', shape);
  const outs = [body(b, x)].flat();
  outs.forEach((o, i) => b.output(o, outShapes[i] ?? []));
  b.graph.outputs.forEach((o) => delete (o.type as { shape?: unknown }).shape);
  const m = b.model('convert test');
  m.opsetImports = [{ domain: '', version: opset }];
  m.irVersion = opset < 9 ? 3 : 7;
  return m;
}

