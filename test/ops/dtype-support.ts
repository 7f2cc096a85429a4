/**
 * The honest check behind `hodu ops`' dtype column: a dtype a schema lists for a type constraint must run on the
 * interp kernel. Each of the op's hand-written cases (test/ops/cases) is re-typed — every input bound to the
 * constraint converted to the dtype, or, for a constraint only outputs carry, the dtype-selecting attribute set —
 * and run through the executor; the dtype counts as supported when one case runs and its outputs bound to the
 * constraint come back with that dtype. Values are not compared: a converted case has no hand-checked answer.
 */
import { Executor } from '../../src/backends/interp/executor';
import { dtypeToOnnx } from '../../src/ir/dtype-codes';
import type { DType } from '../../src/ir/dtype';
import type { Attribute } from '../../src/ir/graph';
import { Tensor, toNumbers } from '../../src/ir/tensor';
import type { IOSpec, OpSchema } from '../../src/ops/schema';
import { caseModel, specToTensor } from './harness';
import type { OpCase, TensorSpec } from './op-case';

/** The IO spec at position `i` (the last one repeats when it is variadic). */
function specAt(list: IOSpec[], i: number): IOSpec | undefined {
  const last = list[list.length - 1];
  return list[i] ?? (last?.variadic ? last : undefined);
}

/**
 * The type constraint of a case's input `i`. Values a control-flow case feeds beyond the op's inputs are outer-scope
 * values its subgraphs read (If, Loop, Scan): they carry the type of the op's outputs.
 */
function inputType(schema: OpSchema, c: OpCase, i: number): string | undefined {
  const spec = specAt(schema.inputs, i);
  if (spec) return spec.type;
  const hasSubgraph = Object.values(c.attrs ?? {}).some((a) => a.type === 'graph');
  return hasSubgraph ? schema.outputs[0]?.type : undefined;
}

function convertValue(v: TensorSpec['data'][number], to: DType): TensorSpec['data'][number] {
  if (to === 'string') return String(typeof v === 'boolean' ? Number(v) : v);
  const n = typeof v === 'string' ? (Number.isNaN(Number(v)) ? v.length : Number(v)) : Number(v);
  if (to === 'bool') return n !== 0;
  if (to.startsWith('int') || to.startsWith('uint')) {
    const i = Math.trunc(n);
    return to.startsWith('u') ? Math.abs(i) : i;
  }
  return n;
}

function convertSpec(s: TensorSpec, to: DType): TensorSpec {
  return { dtype: to, dims: s.dims, data: s.data.map((v) => convertValue(v, to)) };
}

/** Attributes that pick an output dtype (Cast `to`, RandomNormal `dtype`, window `output_datatype`, LayerNormalization `stash_type`, …). */
const DTYPE_ATTRS = ['to', 'dtype', 'output_datatype', 'output_dtype', 'stash_type'];

function retype(c: OpCase, schema: OpSchema, typeVar: string, to: DType): OpCase {
  const inputs = c.inputs.map((s, i) => {
    if (s === null || inputType(schema, c, i) !== typeVar) return s;
    return Array.isArray(s) ? s.map((e) => convertSpec(e, to)) : convertSpec(s, to);
  });
  const attrs: Record<string, Attribute> = { ...c.attrs };
  const boundToInput = c.inputs.some((s, i) => s !== null && inputType(schema, c, i) === typeVar);
  if (!boundToInput) {
    for (const name of DTYPE_ATTRS) {
      if (schema.attributes[name]) attrs[name] = { type: 'int', value: dtypeToOnnx(to) };
    }
    const value = attrs.value;
    if (value?.type === 'tensor') {
      const t = value.value as Tensor;
      const data = t.dtype === 'string' ? (t.data as string[]) : Array.from(toNumbers(t));
      const spec: TensorSpec = { dtype: t.dtype, dims: [...t.dims], data };
      attrs.value = { type: 'tensor', value: specToTensor(convertSpec(spec, to)) };
    }
  }
  return { ...c, inputs, attrs };
}

function outputDtypes(v: unknown): DType[] {
  if (v instanceof Tensor) return [v.dtype];
  if (Array.isArray(v)) return v.flatMap(outputDtypes);
  return [];
}

/** null when some case of `schema`'s op runs with `typeVar` = `to`; else why the last one failed. */
export function checkDtype(schema: OpSchema, cases: OpCase[], typeVar: string, to: DType): string | null {
  const mine = cases.filter((c) => c.op === schema.op && (c.domain ?? '') === schema.domain && !c.throws);
  if (!mine.length) return `no case for ${schema.op} in test/ops/cases`;
  let why = '';
  // A constraint that types inputs is only shown to work by a case that feeds one of them.
  // One that types only outputs, by a case that checks one of them.
  const typesInputs = schema.inputs.some((io) => io.type === typeVar);
  for (const c of mine) {
    if (typesInputs && !c.inputs.some((s, i) => s !== null && inputType(schema, c, i) === typeVar)) {
      why ||= `no case feeds an input typed ${typeVar}`;
      continue;
    }
    if (!typesInputs && !(c.outputs ?? []).some((_, i) => specAt(schema.outputs, i)?.type === typeVar)) {
      why ||= `no case checks an output typed ${typeVar}`;
      continue;
    }
    try {
      const { model, feeds } = caseModel(retype(c, schema, typeVar, to));
      const out = new Executor(model).run(feeds);
      const wrong = (c.outputs ?? []).flatMap((_, i) => (specAt(schema.outputs, i)?.type === typeVar ? outputDtypes(out.get(`out${i}`)) : [])).filter((d) => d !== to);
      if (!wrong.length) return null;
      why = `${c.name}: output dtype ${wrong[0]}`;
    } catch (e) {
      why = `${c.name}: ${(e as Error).message}`;
    }
  }
  return why;
}
