import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { HoduError } from '../errors';
import { isFloatDType, type DType } from '../ir/dtype';
import { feedInputs, type Dim, type Model, type ValueInfo } from '../ir/graph';
import { fromNumbers, sizeOf, Tensor } from '../ir/tensor';
import { loadTensorFile } from '../formats/registry';
import { didYouMean } from '../util/did-you-mean';
import { mulberry32 } from '../util/prng';
import { applyDimBindings, type DimBinding } from './dim-bindings';
import { ALL_INPUTS, defaultFillText, describeFill, fillTensor, planFills, type FillPlan, type FillSpec } from './fill-spec';
import { literalInputName, literalItems, literalTensor } from './input-value';

interface BindOptions {
  /** `--input` values: `NAME=FILE.npy`, `FILE.npz` (keys = input names), or one unnamed `FILE.npy`. */
  inputs: string[];
  /** `--shape NAME=DIMS` overrides for dynamic dims (used by random inputs). */
  shapes: Map<string, number[]>;
  /** `--dim NAME=N`: fixes every input dim called NAME (a `--shape` for an input wins over it for that input). */
  dims?: readonly DimBinding[];
  /** `--fill [NAME=]SPEC`: how to generate inputs; generates the inputs it names even without randomInputs. */
  fills?: readonly FillSpec[];
  randomInputs: boolean;
  seed: number;
}

/** One generated input, for --verbose: what it holds and how it was made. */
export interface GeneratedInput {
  name: string;
  tensor: Tensor;
  /** The fill as a user writes it (`uniform:-1:1`), or the default's description. */
  fill: string;
}

export interface BoundInputs {
  tensors: Map<string, Tensor>;
  sequences: Map<string, Tensor[]>;
  /** The inputs generated (--random-inputs, --fill), in input order. */
  generated: GeneratedInput[];
  /** The inputs given as literal values (`--input sr=16000`); the other given ones came from files. */
  values: Set<string>;
}

const MAX_RANDOM_ELEMENTS = 1 << 28;

/** Loads and checks every graph input the caller must feed. */
export async function bindInputs(model: Model, opts: BindOptions): Promise<Map<string, Tensor>> {
  return (await bindInputValues(model, opts)).tensors;
}

/**
 * Like bindInputs, and also binds sequence inputs: keys `NAME/0`, `NAME/1`, … (in an npz, or as
 * `--input NAME/0=a.npy`) form the sequence input NAME, in index order.
 */
export async function bindInputValues(model: Model, opts: BindOptions): Promise<BoundInputs> {
  // --dim fixes the declared shapes every fed file and generated input is checked against; an input given a
  // --shape keeps its declared (symbolic) shape, so the --shape wins for it.
  const bound = new Map(feedInputs(applyDimBindings(model, opts.dims ?? []).graph).map((i) => [i.name, i]));
  const wanted = feedInputs(model.graph).map((i) => (opts.shapes.has(i.name) ? i : (bound.get(i.name) ?? i)));
  const sequenceNames = new Set(wanted.filter((i) => i.type?.kind === 'sequence').map((i) => i.name));
  const names = wanted.map((i) => i.name);
  const unknownName = (flag: string, name: string) => {
    const guess = didYouMean(name, names);
    return new HoduError('E_INPUT_NAME', `${flag} names '${name}', which is not an input of this model; inputs: ${names.join(', ') || '(none)'}`, {
      hint: guess ? `did you mean '${guess}'?` : 'run `hodu inspect MODEL` to see the input names',
    });
  };
  for (const name of opts.shapes.keys()) if (!names.includes(name)) throw unknownName('--shape', name);
  const fills = planFills(opts.fills ?? [], names, unknownName);
  const feeds = new Map<string, Tensor>();
  const elements = new Map<string, Map<number, Tensor>>();
  for (const spec of opts.inputs) {
    for (const [name, tensor] of await readInputSpec(spec, wanted, unknownName)) {
      const element = /^(.*)\/(\d+)$/.exec(name);
      if (element && sequenceNames.has(element[1]!)) {
        const seq = elements.get(element[1]!) ?? new Map<number, Tensor>();
        if (seq.has(Number(element[2]))) throw new HoduError('E_INPUT_NAME', `input '${name}' is given twice`);
        elements.set(element[1]!, seq.set(Number(element[2]), tensor));
        continue;
      }
      if (!names.includes(name)) {
        const guess = didYouMean(name, names);
        throw new HoduError('E_INPUT_NAME', `'${name}' is not an input of this model; inputs: ${names.join(', ') || '(none)'}`, {
          hint: guess ? `did you mean '${guess}'?` : 'name inputs as NAME=FILE.npy, or key an .npz by input name',
        });
      }
      if (feeds.has(name)) throw new HoduError('E_INPUT_NAME', `input '${name}' is given twice`);
      feeds.set(name, tensor);
    }
  }
  const sequences = new Map<string, Tensor[]>();
  for (const [name, seq] of elements) {
    const indexes = [...seq.keys()].sort((a, b) => a - b);
    const gap = indexes.findIndex((v, i) => v !== i);
    if (gap >= 0) {
      throw new HoduError('E_INPUT_NAME', `sequence input '${name}' has element ${indexes[gap]} but no element ${gap}`, {
        hint: `give its elements as ${name}/0, ${name}/1, … without gaps`,
      });
    }
    sequences.set(name, indexes.map((i) => seq.get(i)!));
  }
  const symbols = new Map<string, number>();
  for (const info of wanted) {
    if (sequences.has(info.name)) continue;
    const given = feeds.get(info.name);
    if (given) checkInput(info, given, symbols, opts.dims?.length ? `--dim ${opts.dims.map((d) => `${d.name}=${d.size}`).join(' --dim ')} fixed the declared dims` : '');
    const override = opts.shapes.get(info.name);
    if (given && override && override.join('x') !== given.dims.join('x')) {
      throw new HoduError('E_INPUT_SHAPE', `input '${info.name}' is given as a file of shape [${given.dims.join(',')}] and as --shape ${info.name}=${override.join('x')}`, {
        hint: `--shape only sets the shape of generated inputs (--random-inputs); drop it for '${info.name}'`,
      });
    }
  }
  for (const spec of opts.fills ?? []) {
    if (spec.target !== ALL_INPUTS && (feeds.has(spec.target) || sequences.has(spec.target))) {
      throw new HoduError('E_USAGE', `input '${spec.target}' is given by --input and by --fill ${spec.target}=${describeFill(spec.fill)}`, { hint: '--fill generates an input; drop one of the two' });
    }
  }
  const rand = mulberry32(opts.seed);
  const generated: GeneratedInput[] = [];
  for (const info of wanted) {
    if (feeds.has(info.name) || sequences.has(info.name)) continue;
    if (!opts.randomInputs && !fills.covers(info.name)) {
      throw new HoduError('E_INPUT_MISSING', `input '${info.name}' (${describeType(info)}) was not given`, {
        hint: `pass --input ${info.name}=FILE.npy, or --random-inputs (or --fill ${info.name}=SPEC) to generate it`,
      });
    }
    const made = randomInput(info, opts.shapes.get(info.name), symbols, rand, fills);
    feeds.set(info.name, made.tensor);
    generated.push(made);
  }
  // Inputs given as NAME=VALUE on the command line, for reports that say where each input came from.
  const values = new Set(opts.inputs.map(literalInputName).filter((n): n is string => n !== undefined && feeds.has(n)));
  return { tensors: feeds, sequences, generated, values };
}

async function readInputSpec(spec: string, wanted: ValueInfo[], unknownName: (flag: string, name: string) => Error): Promise<[string, Tensor][]> {
  const names = wanted.map((i) => i.name);
  const eq = spec.indexOf('=');
  if (eq > 0) {
    const name = spec.slice(0, eq);
    const value = spec.slice(eq + 1);
    if (value.trim() === '') throw new HoduError('E_USAGE', `--input '${spec}' has nothing after '='`, { hint: `e.g. --input ${name}=FILE.npy, or a value: --input ${name}=1` });
    // A literal (16000, 0.7, true, 1,2,3) unless a file of that name exists: an existing file always wins.
    const items = existsSync(value) ? undefined : literalItems(value);
    if (items) {
      const info = wanted.find((i) => i.name === name);
      if (!info) throw unknownName('--input', name);
      return [[name, literalTensor(info, value, items)]];
    }
    const map = await loadTensorFile(spec.slice(eq + 1));
    if (map.size !== 1) {
      throw new HoduError('E_INPUT_FILE', `${spec.slice(eq + 1)} holds ${map.size} tensors; NAME=FILE needs exactly one`);
    }
    return [[name, [...map.values()][0]!]];
  }
  const map = await loadTensorFile(spec);
  const ext = extname(spec).toLowerCase();
  if (ext === '.npy' || (map.size === 1 && !names.includes([...map.keys()][0]!) && !/\/\d+$/.test([...map.keys()][0]!))) {
    // A single unnamed tensor binds the model's only input.
    if (names.length !== 1) {
      throw new HoduError('E_INPUT_NAME', `${basename(spec)} is unnamed but the model has ${names.length} inputs (${names.join(', ')})`, {
        hint: 'name it: --input NAME=FILE.npy',
      });
    }
    return [[names[0]!, [...map.values()][0]!]];
  }
  return [...map.entries()];
}

function describeType(info: ValueInfo): string {
  const t = info.type;
  if (!t || t.kind !== 'tensor') return t?.kind ?? 'unknown type';
  return `${t.dtype}${t.shape ? `[${t.shape.join(',')}]` : ''}`;
}

function checkInput(info: ValueInfo, t: Tensor, symbols: Map<string, number>, dimNote: string): void {
  const type = info.type;
  if (!type || type.kind !== 'tensor') return;
  if (type.dtype !== t.dtype) {
    throw new HoduError('E_INPUT_DTYPE', `input '${info.name}' must be ${type.dtype}, got ${t.dtype}`, {
      hint: `convert the file, e.g. numpy: arr.astype('${numpyName(type.dtype)}')`,
    });
  }
  if (!type.shape) return;
  const mismatch = `input '${info.name}' must have shape [${type.shape.join(',')}], got [${t.dims.join(',')}]`;
  checkShape(info, t.dims, symbols, { what: `input '${info.name}'`, mismatch, hint: [dimNote, 'check the input file against `hodu inspect MODEL`'].filter(Boolean).join('; ') });
}

/**
 * The one rule for a fed tensor's dims and a `--shape`: the declared rank, every fixed dim as declared, and a
 * named symbolic dim the same size in every input that uses it. `?`/unnamed dims take any size.
 */
function checkShape(info: ValueInfo, dims: readonly number[], symbols: Map<string, number>, how: { what: string; mismatch: string; hint: string }): void {
  const type = info.type;
  if (!type || type.kind !== 'tensor' || !type.shape) return;
  const declared = type.shape;
  const bad = () =>
    new HoduError('E_INPUT_SHAPE', how.mismatch, {
      hint: [describeSymbolic(declared), how.hint].filter(Boolean).join('; '),
    });
  if (declared.length !== dims.length) throw bad();
  declared.forEach((d, i) => {
    const actual = dims[i]!;
    if (typeof d === 'number') {
      if (d !== actual) throw bad();
    } else if (d !== '?' && d !== '') {
      const seen = symbols.get(d);
      if (seen !== undefined && seen !== actual) {
        throw new HoduError('E_INPUT_SHAPE', `${how.what} dim ${i} ('${d}') is ${actual}, but another input set '${d}' = ${seen}`, {
          hint: `'${d}' is one size shared by every input that uses it`,
        });
      }
      symbols.set(d, actual);
    }
  });
}

/** "dims 0 ('batch') and 2 (unnamed) are symbolic, the others fixed", or '' when every dim is fixed. */
function describeSymbolic(shape: readonly Dim[]): string {
  const symbolic = shape.flatMap((d, i) => (typeof d === 'number' ? [] : [`${i} (${d === '?' || d === '' ? 'unnamed' : `'${d}'`})`]));
  if (!symbolic.length) return 'every dim is fixed';
  const list = symbolic.length === 1 ? `dim ${symbolic[0]} is` : `dims ${symbolic.slice(0, -1).join(', ')} and ${symbolic.at(-1)} are`;
  return symbolic.length === shape.length ? `${list} symbolic` : `${list} symbolic, the others fixed`;
}

function randomInput(info: ValueInfo, override: number[] | undefined, symbols: Map<string, number>, rand: () => number, fills: FillPlan): GeneratedInput {
  const type = info.type;
  if (!type || type.kind !== 'tensor') {
    throw new HoduError('E_INPUT_MISSING', `cannot generate input '${info.name}': not a tensor input`, { hint: `pass --input ${info.name}=FILE` });
  }
  let dims: number[];
  if (override) {
    dims = override;
    // Checked as a fed file would be; later inputs sharing a symbolic dim (e.g. 'N') take the size set here.
    const example = type.shape ? `e.g. --shape ${info.name}=${type.shape.map((x) => (typeof x === 'number' ? x : (symbols.get(x) ?? 1))).join('x')}` : '';
    const spec = `--shape ${info.name}=${dims.join('x')}`;
    checkShape(info, dims, symbols, { what: spec, mismatch: `${spec} does not fit input '${info.name}' of shape ${type.shape ? `[${type.shape.join(',')}]` : '?'}`, hint: example });
  } else {
    if (!type.shape) {
      throw new HoduError('E_INPUT_MISSING', `cannot generate input '${info.name}': its rank is unknown`, { hint: `set it with --shape ${info.name}=DIMS` });
    }
    dims = type.shape.map((d: Dim) => {
      if (typeof d === 'number') return d;
      const known = symbols.get(d);
      if (known !== undefined) return known;
      throw new HoduError('E_INPUT_MISSING', `cannot generate input '${info.name}': dim '${d}' is dynamic`, {
        hint: `set it with --shape ${info.name}=${type.shape!.map((x) => (typeof x === 'number' ? x : 1)).join('x')}`,
      });
    });
  }
  const n = sizeOf(dims);
  if (n > MAX_RANDOM_ELEMENTS) throw new HoduError('E_INPUT_SHAPE', `input '${info.name}' would have ${n} elements`, { hint: 'use smaller --shape values' });
  const fill = fills.fillFor(info.name, type.dtype);
  if (!fill) return { name: info.name, tensor: randomTensor(type.dtype, dims, rand), fill: defaultFillText(type.dtype) };
  return { name: info.name, tensor: fillTensor(type.dtype, dims, fill, rand), fill: describeFill(fill) };
}

/** Uniform [0,1) for floats, [0,10) integers, fair bools. */
export function randomTensor(dtype: DType, dims: number[], rand: () => number): Tensor {
  const n = sizeOf(dims);
  if (dtype === 'string') return new Tensor('string', dims, Array.from({ length: n }, () => rand().toString(36).slice(2, 8)));
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) vals[i] = isFloatDType(dtype) ? rand() : dtype === 'bool' ? (rand() < 0.5 ? 0 : 1) : Math.floor(rand() * 10);
  return fromNumbers(dtype, dims, vals);
}

function numpyName(d: DType): string {
  return d === 'bool' ? 'bool' : d === 'bfloat16' ? 'bfloat16' : d;
}
