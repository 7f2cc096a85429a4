import { allocData, type BigArray, type NumericArray } from '../../src/ir/dtype';
import type { Graph, Model } from '../../src/ir/graph';
import { fromNumbers, Tensor, toNumbers } from '../../src/ir/tensor';
import type { OpCase, TensorSpec } from './op-case';

export function specToTensor(s: TensorSpec): Tensor {
  if (s.dtype === 'string') return new Tensor('string', s.dims, s.data.map(String));
  if (s.dtype === 'int64' || s.dtype === 'uint64') {
    const data = allocData(s.dtype, s.data.length) as BigArray;
    s.data.forEach((v, i) => (data[i] = BigInt(v as number | bigint)));
    return new Tensor(s.dtype, s.dims, data);
  }
  return fromNumbers(s.dtype, s.dims, s.data.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : Number(v))));
}

/** A one-node model for an OpCase. */
export function caseModel(c: OpCase): { model: Model; feeds: Map<string, Tensor | Tensor[]> } {
  const inputs = c.inputs.map((s, i) => (s === null ? '' : `in${i}`));
  const outputs = (c.outputs ?? [{}]).map((_, i) => `out${i}`);
  const graph: Graph = {
    name: c.name,
    nodes: [{ name: `${c.op}_node`, op: c.op, domain: c.domain ?? '', inputs, outputs, attributes: c.attrs ?? {} }],
    inputs: [],
    outputs: outputs.map((name) => ({ name })),
    valueInfo: [],
    initializers: new Map(),
  };
  const feeds = new Map<string, Tensor | Tensor[]>();
  c.inputs.forEach((s, i) => {
    if (s === null) return;
    if (Array.isArray(s)) {
      const elem = s[0]?.dtype ?? 'float32';
      graph.inputs.push({ name: `in${i}`, type: { kind: 'sequence', elem: { kind: 'tensor', dtype: elem } } });
      feeds.set(`in${i}`, s.map(specToTensor));
      return;
    }
    const tensor = specToTensor(s);
    if (c.constInputs?.includes(i)) graph.initializers.set(`in${i}`, tensor);
    else {
      graph.inputs.push({ name: `in${i}`, type: { kind: 'tensor', dtype: s.dtype, shape: s.dims } });
      feeds.set(`in${i}`, tensor);
    }
  });
  const model: Model = {
    irVersion: 8,
    opsetImports: [{ domain: c.domain ?? '', version: c.opset ?? 17 }],
    metadata: {},
    graph,
    functions: [],
  };
  return { model, feeds };
}

/** Returns a mismatch description, or null when `actual` matches `expected` within tolerance. */
export function compareTensor(actual: Tensor, expected: Tensor, rtol: number, atol: number): string | null {
  if (actual.dtype !== expected.dtype) return `dtype ${actual.dtype} != expected ${expected.dtype}`;
  if (actual.dims.join(',') !== expected.dims.join(',')) return `shape [${actual.dims}] != expected [${expected.dims}]`;
  if (actual.dtype === 'string') {
    const i = (actual.data as string[]).findIndex((v, k) => v !== (expected.data as string[])[k]);
    return i < 0 ? null : `element ${i}: '${(actual.data as string[])[i]}' != '${(expected.data as string[])[i]}'`;
  }
  const exact = !['float32', 'float64', 'float16', 'bfloat16'].includes(actual.dtype);
  const a = toNumbers(actual) as NumericArray;
  const e = toNumbers(expected) as NumericArray;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = e[i]!;
    if (Number.isNaN(y) && Number.isNaN(x)) continue;
    // A NaN on one side only is a mismatch (any comparison with NaN is false, so check it explicitly).
    if (Number.isNaN(x) !== Number.isNaN(y)) return `element ${i}: ${x} != expected ${y}`;
    if (x === y) continue;
    if (exact || Math.abs(x - y) > atol + rtol * Math.abs(y)) return `element ${i}: ${x} != expected ${y}`;
  }
  return null;
}
