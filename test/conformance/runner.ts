/**
 * Runs one official ONNX backend test case (model.onnx + test_data_set_N/{input,output}_K.pb) on the interp
 * through the public pipeline (decode → verify → backend session) and compares with the ONNX runner's
 * default tolerance: rtol 1e-3, atol 1e-7, NaN == NaN, exact dtype and shape.
 */
import { opId } from '../../src/ir/op-id';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import interp from '../../src/backends/interp/index';
import { decodeModel, decodeOptionalProto, decodeSequenceProto, decodeTensorProto, type OnnxValue } from '../../src/formats/onnx/decode';
import { feedInputs, type Model, type ValueInfo } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import { prepareModel } from '../../src/runtime/prepare';
import type { BackendSession, RuntimeValue } from '../../src/sdk/backend';
import { compareTensor } from '../ops/harness';

export const RTOL = 1e-3;
export const ATOL = 1e-7;

export type Outcome =
  | { status: 'passed' }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

export function listTests(dir: string): string[] {
  return readdirSync(dir).filter((d) => existsSync(join(dir, d, 'model.onnx'))).sort();
}

/** Ops (domain-qualified when not default) used by a model, subgraphs included. */
export function modelOps(model: Model): Set<string> {
  const ops = new Set<string>();
  const walk = (g: Model['graph']) => {
    for (const n of g.nodes) {
      ops.add(opId(n.domain, n.op));
      for (const a of Object.values(n.attributes)) {
        if (a.type === 'graph') walk(a.value);
        if (a.type === 'graphs') a.value.forEach(walk);
      }
    }
  };
  walk(model.graph);
  return ops;
}

export function readValue(path: string, info: ValueInfo | undefined): RuntimeValue {
  const bytes = readFileSync(path);
  const kind = info?.type?.kind ?? 'tensor';
  if (kind === 'sequence') return flatten(decodeSequenceProto(bytes, { path }));
  if (kind === 'optional') {
    const v = decodeOptionalProto(bytes, { path });
    return v === undefined ? null : Array.isArray(v) ? flatten(v) : v;
  }
  return asDeclared(decodeTensorProto(bytes, { path }), info);
}

/**
 * ONNX 1.12's test generator stores bfloat16 tensors as uint16 bit patterns (data_type UINT16) even where
 * the model declares bfloat16; reinterpret those bits as the declared bfloat16.
 */
function asDeclared(t: Tensor, info: ValueInfo | undefined): Tensor {
  const declared = info?.type?.kind === 'tensor' ? info.type.dtype : undefined;
  if (declared === 'bfloat16' && t.dtype === 'uint16') return new Tensor('bfloat16', t.dims, t.data);
  return t;
}

function flatten(values: OnnxValue[]): Tensor[] {
  return values.map((v) => {
    if (!(v instanceof Tensor)) throw new Error('nested sequences are not supported by the runner');
    return v;
  });
}

export async function runCase(caseDir: string): Promise<Outcome> {
  let model: Model;
  try {
    // The same preparation as `hodu run`: functions inlined, Gradient expanded, then verified.
    model = prepareModel(decodeModel(readFileSync(join(caseDir, 'model.onnx')), { path: join(caseDir, 'model.onnx') }));
  } catch (e) {
    return { status: 'failed', reason: `load: ${(e as Error).message}` };
  }
  const missing = interp.unsupportedOps!(model);
  if (missing.length) return { status: 'skipped', reason: `unsupported op ${missing.join(', ')}` };
  return compareSets(caseDir, model, await interp.createSession(model));
}

/**
 * Runs every test_data_set_N of a case through `session` and compares each output with the expected one.
 * An error thrown by the session is a failure unless `classify` says otherwise (e.g. a backend refusing).
 */
export async function compareSets<O = Outcome>(caseDir: string, model: Model, session: BackendSession, classify?: (e: unknown, set: string) => O | undefined): Promise<Outcome | O> {
  const sets = readdirSync(caseDir).filter((d) => d.startsWith('test_data_set_')).sort();
  const inputs = feedInputs(model.graph);
  for (const set of sets) {
    const setDir = join(caseDir, set);
    const feeds = new Map<string, RuntimeValue>();
    inputs.forEach((info, i) => {
      const p = join(setDir, `input_${i}.pb`);
      if (existsSync(p)) feeds.set(info.name, readValue(p, info));
    });
    let outputs: Map<string, RuntimeValue>;
    try {
      outputs = await session.run(feeds as Map<string, Tensor>);
    } catch (e) {
      return classify?.(e, set) ?? { status: 'failed', reason: `${set}: ${(e as Error).message}` };
    }
    for (let i = 0; i < model.graph.outputs.length; i++) {
      const info = model.graph.outputs[i]!;
      const p = join(setDir, `output_${i}.pb`);
      if (!existsSync(p)) continue;
      const expected = readValue(p, info);
      const actual = outputs.get(info.name);
      const mismatch = compareValues(actual, expected);
      if (mismatch) return { status: 'failed', reason: `${set} output '${info.name}': ${mismatch}` };
    }
  }
  return { status: 'passed' };
}

/** First mismatch between two runtime values (tensors, sequences, empty optionals), or null; ONNX tolerances by default. */
export function compareValues(actual: RuntimeValue | undefined, expected: RuntimeValue, rtol = RTOL, atol = ATOL): string | null {
  if (expected === null) return actual === null || actual === undefined ? null : 'expected an empty optional';
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return 'expected a sequence';
    if (actual.length !== expected.length) return `sequence length ${actual.length} != ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const m = compareTensor(actual[i]!, expected[i]!, rtol, atol);
      if (m) return `[${i}] ${m}`;
    }
    return null;
  }
  if (!(actual instanceof Tensor)) return 'expected a tensor';
  return compareTensor(actual, expected, rtol, atol);
}
