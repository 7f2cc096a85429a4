import { existsSync } from 'node:fs';
import { HoduError } from '../errors';
import { isBigDType, isFloatDType, type DType } from '../ir/dtype';
import type { Dim, ValueInfo } from '../ir/graph';
import { fromNumbers, Tensor } from '../ir/tensor';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const SPECIAL = /^[+-]?(inf|infinity|nan)$/i;
const BOOL = /^(true|false)$/i;

/**
 * The items of `--input NAME=VALUE` when VALUE is a literal: one number or bool (`16000`, `0.7`, `true`,
 * `nan`, `-inf`), or a comma-separated list of them (`1,2,3`). undefined when it is not (then it is a path).
 */
export function literalItems(text: string): string[] | undefined {
  const items = text.split(',').map((s) => s.trim());
  return items.every((s) => NUMBER.test(s) || SPECIAL.test(s) || BOOL.test(s)) ? items : undefined;
}

/** The input a `--input NAME=VALUE` spec gives as a literal (no file of that name exists: a file wins), else undefined. */
export function literalInputName(spec: string): string | undefined {
  const eq = spec.indexOf('=');
  if (eq <= 0) return undefined;
  const value = spec.slice(eq + 1);
  return !existsSync(value) && literalItems(value) ? spec.slice(0, eq) : undefined;
}

const INT_LIMITS: Partial<Record<DType, [bigint, bigint]>> = {
  int8: [-128n, 127n], uint8: [0n, 255n], int16: [-32768n, 32767n], uint16: [0n, 65535n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n], uint32: [0n, 2n ** 32n - 1n], int64: [-(2n ** 63n), 2n ** 63n - 1n], uint64: [0n, 2n ** 64n - 1n],
};

/**
 * The tensor for a literal `--input NAME=VALUE`: the dtype is the input's; one value fills a scalar or an
 * all-1 shape (symbolic dims taken as 1), a list a 1-D input. Anything else is E_USAGE saying why.
 */
export function literalTensor(info: ValueInfo, value: string, items: string[]): Tensor {
  const name = info.name;
  const type = info.type;
  const spec = `--input ${name}=${value}`;
  if (!type || type.kind !== 'tensor' || type.dtype === 'string') {
    throw new HoduError('E_USAGE', `${spec}: input '${name}' is ${type?.kind === 'tensor' ? 'a string tensor' : `a ${type?.kind ?? 'value of unknown type'}`}; a value on the command line is a number or bool`, { hint: `pass it as a file: --input ${name}=FILE.npy` });
  }
  const dims = literalDims(type.shape, items.length, value.includes(','));
  if (!dims) {
    const shape = `[${type.shape!.join(',')}]`;
    throw new HoduError('E_USAGE', `${spec}: input '${name}' has shape ${shape}; a value on the command line fills a scalar or all-1 shape, and a comma list a 1-D input`, {
      hint: `pass a file (--input ${name}=FILE.npy) or generate it (--random-inputs, --fill ${name}=${isFloatDType(type.dtype) ? 'uniform:0:1' : 'int:0:9'})`,
    });
  }
  const dtype = type.dtype;
  const bad = (item: string, why: string) => new HoduError('E_USAGE', `${spec}: '${item}' ${why}`, { hint: `input '${name}' is ${dtype}; e.g. ${spec.split('=')[0]}=${example(dtype)}` });
  if (dtype === 'bool') {
    return fromNumbers('bool', dims, items.map((s) => {
      const v = s.toLowerCase();
      if (v === 'true' || v === '1') return 1;
      if (v === 'false' || v === '0') return 0;
      throw bad(s, 'is not a bool (true, false, 1 or 0)');
    }));
  }
  if (isFloatDType(dtype)) {
    return fromNumbers(dtype, dims, items.map((s) => {
      if (BOOL.test(s)) throw bad(s, 'is a bool, not a number');
      return SPECIAL.test(s) ? (/nan/i.test(s) ? NaN : s.startsWith('-') ? -Infinity : Infinity) : Number(s);
    }));
  }
  const ints = items.map((s) => {
    if (!/^[+-]?\d+$/.test(s)) throw bad(s, 'is not an integer');
    const v = BigInt(s);
    const [lo, hi] = INT_LIMITS[dtype]!;
    if (v < lo || v > hi) throw bad(s, `is outside ${dtype} (${lo} to ${hi})`);
    return v;
  });
  if (isBigDType(dtype)) return new Tensor(dtype, dims, dtype === 'int64' ? BigInt64Array.from(ints) : BigUint64Array.from(ints));
  return fromNumbers(dtype, dims, ints.map(Number));
}

/** dims for `count` literal values against the declared shape, or undefined when they cannot fill it. */
function literalDims(shape: Dim[] | undefined, count: number, isList: boolean): number[] | undefined {
  if (!isList) {
    if (!shape) return [];
    return shape.every((d) => d === 1 || typeof d === 'string') ? shape.map(() => 1) : undefined;
  }
  if (!shape) return [count];
  return shape.length === 1 && (shape[0] === count || typeof shape[0] === 'string') ? [count] : undefined;
}

function example(dtype: DType): string {
  return dtype === 'bool' ? 'true' : isFloatDType(dtype) ? '0.5' : '16000';
}
