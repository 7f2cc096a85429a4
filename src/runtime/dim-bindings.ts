import { HoduError } from '../errors';
import { feedInputs, type Dim, type Model, type ValueInfo } from '../ir/graph';
import { didYouMean } from '../util/did-you-mean';

/** `--dim NAME=N`: every dim called NAME (a symbolic dim of the model's inputs) is N. */
export interface DimBinding {
  name: string;
  size: number;
}

const EXAMPLE = 'example: --dim batch=1 (sets every input dim named batch)';

/** Parses `batch=1`. The size is a non-negative integer; the name is everything before the last '='. */
export function parseDimBinding(spec: string): DimBinding {
  const eq = spec.lastIndexOf('=');
  if (eq <= 0) throw new HoduError('E_USAGE', `--dim '${spec}' is not NAME=N`, { hint: EXAMPLE });
  const name = spec.slice(0, eq);
  const text = spec.slice(eq + 1).trim();
  const size = Number(text);
  if (text === '' || !Number.isSafeInteger(size) || size < 0) {
    throw new HoduError('E_USAGE', `--dim '${spec}': the size must be a non-negative integer, got '${text}'`, { hint: EXAMPLE });
  }
  return { name, size };
}

/** The named symbolic dims of the inputs a caller feeds, in first-seen order (`?` and unnamed dims have no name to bind). */
export function symbolicInputDims(model: Model): string[] {
  const names = new Set<string>();
  for (const info of feedInputs(model.graph)) for (const d of tensorShape(info) ?? []) if (isNamedSymbol(d)) names.add(d);
  return [...names];
}

/**
 * A copy of the model in which every input, output and value_info dim named by a binding is that number (the
 * model itself is not changed). A name that no input dim carries is E_USAGE listing the ones that exist; a name
 * bound twice to different sizes too.
 */
export function applyDimBindings(model: Model, bindings: readonly DimBinding[]): Model {
  if (!bindings.length) return model;
  const sizes = new Map<string, number>();
  for (const b of bindings) {
    const seen = sizes.get(b.name);
    if (seen !== undefined && seen !== b.size) {
      throw new HoduError('E_USAGE', `--dim ${b.name} is given twice, as ${seen} and as ${b.size}`, { hint: `keep one --dim ${b.name}=N` });
    }
    sizes.set(b.name, b.size);
  }
  const known = symbolicInputDims(model);
  for (const name of sizes.keys()) {
    if (known.includes(name)) continue;
    const guess = didYouMean(name, known);
    const list = known.length ? `its symbolic input dims are: ${known.join(', ')}` : 'its inputs have no named symbolic dims (use --shape NAME=DIMS for unnamed ones)';
    throw new HoduError('E_USAGE', `--dim names '${name}', which is not a symbolic input dim of this model; ${list}`, {
      hint: guess ? `did you mean '${guess}'?` : '`hodu inspect MODEL` shows the input shapes',
    });
  }
  const bind = (info: ValueInfo): ValueInfo => {
    const shape = tensorShape(info);
    if (!shape || info.type?.kind !== 'tensor' || !shape.some((d) => typeof d === 'string' && sizes.has(d))) return info;
    return { ...info, type: { ...info.type, shape: shape.map((d) => (typeof d === 'string' ? (sizes.get(d) ?? d) : d)) } };
  };
  const g = model.graph;
  return { ...model, graph: { ...g, inputs: g.inputs.map(bind), outputs: g.outputs.map(bind), valueInfo: g.valueInfo.map(bind) } };
}

function tensorShape(info: ValueInfo): Dim[] | undefined {
  return info.type?.kind === 'tensor' ? info.type.shape : undefined;
}

function isNamedSymbol(d: Dim): d is string {
  return typeof d === 'string' && d !== '?' && d !== '';
}
