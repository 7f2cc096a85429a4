import { HoduError } from '../errors';
import { isFloatDType, type DType } from '../ir/dtype';
import { fromNumbers, sizeOf, type Tensor } from '../ir/tensor';

/** How a generated input is filled (`--fill`). */
type Fill =
  | { kind: 'uniform'; lo: number; hi: number }
  | { kind: 'normal'; mean: number; std: number }
  | { kind: 'int'; lo: number; hi: number }
  | { kind: 'zeros' }
  | { kind: 'ones' };

/** `--fill NAME=SPEC` names one input; `--fill SPEC` and `--fill '*=SPEC'` every generated input. */
export interface FillSpec {
  target: string;
  fill: Fill;
}

export const ALL_INPUTS = '*';
const KINDS = 'uniform:LO:HI, normal:MEAN:STD, int:LO:HI, zeros, ones';
const EXAMPLE = 'examples: --fill x=uniform:-1:1, --fill ids=int:0:30521, --fill normal:0:1 (every generated input)';

/** Parses `x=uniform:-1:1`, `ids=int:0:100`, `zeros`, `*=normal:0:1`. The input name is what is before the last '='. */
export function parseFillSpec(spec: string): FillSpec {
  const eq = spec.lastIndexOf('=');
  if (eq === 0) throw new HoduError('E_USAGE', `--fill '${spec}' has no input name before '='`, { hint: EXAMPLE });
  const target = eq > 0 ? spec.slice(0, eq) : ALL_INPUTS;
  const text = spec.slice(eq + 1).trim();
  const [kind, ...params] = text.split(':');
  const bad = (why: string) => new HoduError('E_USAGE', `--fill '${spec}': ${why}`, { hint: EXAMPLE });
  const nums = (names: string[]): number[] => {
    if (params.length !== names.length) throw bad(`${kind} takes ${names.length ? names.join(':') : 'no parameters'}, e.g. ${kind}${names.length ? `:${names.map(() => '1').join(':')}` : ''}`);
    return params.map((p, i) => {
      const n = Number(p);
      if (p.trim() === '' || !Number.isFinite(n)) throw bad(`${names[i]} must be a finite number, got '${p}'`);
      return n;
    });
  };
  switch (kind) {
    case 'uniform': {
      const [lo, hi] = nums(['LO', 'HI']) as [number, number];
      if (lo > hi) throw bad(`LO (${lo}) is above HI (${hi})`);
      return { target, fill: { kind, lo, hi } };
    }
    case 'normal': {
      const [mean, std] = nums(['MEAN', 'STD']) as [number, number];
      if (std < 0) throw bad(`STD must not be negative, got ${std}`);
      return { target, fill: { kind, mean, std } };
    }
    case 'int': {
      const [lo, hi] = nums(['LO', 'HI']) as [number, number];
      if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) throw bad('LO and HI must be integers (within ±2^53)');
      if (lo > hi) throw bad(`LO (${lo}) is above HI (${hi})`);
      return { target, fill: { kind, lo, hi } };
    }
    case 'zeros':
    case 'ones':
      nums([]);
      return { target, fill: { kind } };
    default:
      throw bad(`unknown fill '${kind}'; one of ${KINDS}`);
  }
}

/** `uniform:0:1`, as a user would write it. */
export function describeFill(fill: Fill): string {
  switch (fill.kind) {
    case 'uniform':
    case 'int':
      return `${fill.kind}:${fill.lo}:${fill.hi}`;
    case 'normal':
      return `normal:${fill.mean}:${fill.std}`;
    default:
      return fill.kind;
  }
}

/** What plain `--random-inputs` generates (src/runtime/bind-inputs.ts randomTensor), described as a fill. */
export function defaultFillText(dtype: DType): string {
  return isFloatDType(dtype) ? 'uniform:0:1 (default)' : dtype === 'bool' ? 'int:0:1 (default)' : dtype === 'string' ? 'random strings (default)' : 'int:0:9 (default)';
}

const INT_RANGES: Partial<Record<DType, [number, number]>> = {
  int8: [-128, 127], uint8: [0, 255], int16: [-32768, 32767], uint16: [0, 65535], int32: [-(2 ** 31), 2 ** 31 - 1], uint32: [0, 2 ** 32 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER], uint64: [0, Number.MAX_SAFE_INTEGER], bool: [0, 1],
};

/** E_USAGE unless the fill makes sense for the dtype: int for integers and bool, uniform/normal for floats, zeros/ones for any number. */
export function checkFillFits(input: string, dtype: DType, fill: Fill): void {
  const bad = (why: string, hint: string) => new HoduError('E_USAGE', `--fill ${input}=${describeFill(fill)}: ${why}`, { hint });
  if (dtype === 'string') throw bad(`input '${input}' is a string tensor; --fill makes numbers`, `pass it as a file: --input ${input}=FILE.npy`);
  if (fill.kind === 'zeros' || fill.kind === 'ones') return;
  if (isFloatDType(dtype)) {
    if (fill.kind === 'int') throw bad(`input '${input}' is ${dtype}; int:LO:HI is for integer and bool inputs`, `use --fill ${input}=uniform:${fill.lo}:${fill.hi}`);
    return;
  }
  if (fill.kind !== 'int') {
    throw bad(`input '${input}' is ${dtype}; ${fill.kind} is for float inputs`, dtype === 'bool' ? `use zeros, ones or int:0:1 for a bool input` : `use --fill ${input}=int:LO:HI (inclusive bounds)`);
  }
  const [min, max] = INT_RANGES[dtype]!;
  if (fill.lo < min || fill.hi > max) throw bad(`the range does not fit ${dtype} (${min} to ${max})`, `e.g. --fill ${input}=int:${Math.max(min, 0)}:${Math.min(max, 9)}`);
}

/** A tensor of `dims` filled as asked (checkFillFits first), drawing from `rand` in element order. */
export function fillTensor(dtype: DType, dims: number[], fill: Fill, rand: () => number): Tensor {
  const n = sizeOf(dims);
  const vals = new Float64Array(n);
  if (fill.kind === 'ones') vals.fill(1);
  else if (fill.kind === 'uniform') for (let i = 0; i < n; i++) vals[i] = fill.lo + (fill.hi - fill.lo) * rand();
  else if (fill.kind === 'int') for (let i = 0; i < n; i++) vals[i] = fill.lo + Math.floor(rand() * (fill.hi - fill.lo + 1));
  else if (fill.kind === 'normal') {
    // Box–Muller, two draws per value; 1 - u keeps the log away from 0.
    for (let i = 0; i < n; i++) vals[i] = fill.mean + fill.std * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  }
  return fromNumbers(dtype, dims, vals);
}

/** The --fill flags resolved against the model's inputs: which fill (if any) each generated input takes. */
export interface FillPlan {
  /** Named by a --fill (or covered by a bare/`*` one): generated even without --random-inputs. */
  covers(input: string): boolean;
  /** The fill for a generated input: its own, else the `*` one when it fits the dtype, else undefined (the default). */
  fillFor(input: string, dtype: DType): Fill | undefined;
}

/** Checks names (E_INPUT_NAME with a guess) and repeats (E_USAGE); fitting a dtype is checked per input. */
export function planFills(specs: readonly FillSpec[], names: readonly string[], unknownName: (flag: string, name: string) => Error): FillPlan {
  const named = new Map<string, Fill>();
  let all: Fill | undefined;
  for (const { target, fill } of specs) {
    if (target === ALL_INPUTS) {
      if (all) throw new HoduError('E_USAGE', `--fill for every input is given twice (${describeFill(all)} and ${describeFill(fill)})`, { hint: 'keep one; name inputs to fill them differently: --fill NAME=SPEC' });
      all = fill;
      continue;
    }
    if (!names.includes(target)) throw unknownName('--fill', target);
    if (named.has(target)) throw new HoduError('E_USAGE', `--fill names input '${target}' twice`, { hint: `keep one --fill ${target}=SPEC` });
    named.set(target, fill);
  }
  return {
    covers: (input) => named.has(input) || all !== undefined,
    fillFor(input, dtype) {
      const own = named.get(input);
      if (own) {
        checkFillFits(input, dtype, own);
        return own;
      }
      if (!all) return undefined;
      try {
        checkFillFits(input, dtype, all);
        return all;
      } catch {
        return undefined; // a fill for every input skips those whose dtype it does not fit (ids next to floats)
      }
    },
  };
}
