import { feedInputs, type Model } from '../../ir/graph';
import { toNumbers } from '../../ir/tensor';
import { bindInputValues, type BoundInputs, type GeneratedInput } from '../../runtime/bind-inputs';
import { parseDimBinding } from '../../runtime/dim-bindings';
import { parseFillSpec } from '../../runtime/fill-spec';
import { parseShapeOverride } from '../../runtime/shape-spec';
import { err, formatShape } from '../ui/output';
import { isVerbose } from '../ui/verbose';

/** The `hodu run` flags that say what the model is fed. */
interface InputFlags {
  inputs: string[];
  shapes: string[];
  /** `--dim NAME=N`, repeatable. */
  dims: string[];
  /** `--fill [NAME=]SPEC`, repeatable (src/runtime/fill-spec.ts). */
  fills: string[];
  randomInputs: boolean;
  seed: number;
}

/** Parses the input flags and binds (loads, checks, or generates) every model input; --verbose prints what was generated. */
export async function bindRunInputs(model: Model, flags: InputFlags): Promise<BoundInputs> {
  const shapes = new Map(flags.shapes.map((s) => {
    const { name, dims } = parseShapeOverride(s);
    return [name, dims] as const;
  }));
  const dims = flags.dims.map(parseDimBinding);
  const fills = flags.fills.map(parseFillSpec);
  const bound = await bindInputValues(model, { inputs: flags.inputs, shapes, dims, fills, randomInputs: flags.randomInputs, seed: flags.seed });
  if (isVerbose()) for (const g of bound.generated) err(describeGenerated(g, flags.seed));
  return bound;
}

/** `"inputs"` of `run --json`: where each input came from, and how the generated ones were made (reproducible with the seed). */
export function inputsJson(model: Model, bound: BoundInputs, seed: number): object[] {
  const generated = new Map(bound.generated.map((g) => [g.name, g]));
  return feedInputs(model.graph).flatMap((i): object[] => {
    const seq = bound.sequences.get(i.name);
    if (seq) return [{ name: i.name, dtype: 'sequence', elements: seq.length, from: 'file' }];
    const t = bound.tensors.get(i.name);
    if (!t) return [];
    const g = generated.get(i.name);
    return [{ name: i.name, dtype: t.dtype, shape: [...t.dims], from: g ? 'generated' : bound.values.has(i.name) ? 'value' : 'file', ...(g ? fillJson(g.fill, seed) : {}) }];
  });
}

/** `fill` as --fill takes it back (`uniform:0:1`, not the text's `uniform:0:1 (default)`), and `default` when no --fill chose it. */
function fillJson(fill: string, seed: number): object {
  const dflt = / \(default\)$/.exec(fill);
  return dflt ? { fill: fill.slice(0, dflt.index), default: true, seed } : { fill, seed };
}

const PREVIEW_ITEMS = 6;

/** `generated x  float32[2,3]  fill uniform:-1:1  seed 0  min -0.93 max 0.88  [0.12, -0.5, …]` */
function describeGenerated(g: GeneratedInput, seed: number): string {
  const t = g.tensor;
  const head = `generated ${g.name}  ${t.dtype}${formatShape(t.dims)}  fill ${g.fill}  seed ${seed}`;
  if (t.dtype === 'string') return `${head}  [${(t.data as string[]).slice(0, PREVIEW_ITEMS).map((s) => JSON.stringify(s)).join(', ')}${t.size > PREVIEW_ITEMS ? ', …' : ''}]`;
  const values = toNumbers(t);
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4))));
  const range = t.size ? `  min ${fmt(min)} max ${fmt(max)}` : '';
  const preview = Array.from(values.subarray(0, PREVIEW_ITEMS), (v) => (t.dtype === 'bool' ? String(v === 1) : fmt(v)));
  return `${head}${range}  [${preview.join(', ')}${t.size > PREVIEW_ITEMS ? ', …' : ''}]`;
}
