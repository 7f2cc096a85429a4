/**
 * __NAME__: a hodu format plugin that reads and writes tensors as JSON (`.__BASENAME__` files).
 * A readable starting point: replace `encode`/`decode` with your format.
 *
 * hodu calls the default export with its SDK (a compiled hodu cannot share its modules with a plugin),
 * so this file imports nothing at run time and must stay self-contained (bundle any dependency).
 * The interfaces below describe the part of the SDK used here; see docs/sdk-reference.md for all of it.
 */

interface Tensor {
  readonly dtype: string;
  readonly dims: readonly number[];
  readonly data: ArrayLike<number | bigint | string>;
}
type TensorMap = Map<string, Tensor>;
interface LoadOptions {
  path?: string;
}
interface Sdk {
  Tensor: new (dtype: string, dims: readonly number[], data?: unknown) => Tensor;
  HoduError: new (code: string, message: string, opts?: { hint?: string }) => Error;
  defineFormatPlugin<T>(plugin: T): T;
}

/** One tensor in the file: the storage values of hodu's Tensor (float16 as raw bits, int64 as strings). */
interface JsonTensor {
  name: string;
  dtype: string;
  dims: number[];
  data: (number | string | boolean)[];
}

const TYPED: Record<string, { from(values: ArrayLike<number>): ArrayLike<number> }> = {
  float32: Float32Array, float64: Float64Array, float16: Uint16Array, bfloat16: Uint16Array,
  int8: Int8Array, int16: Int16Array, int32: Int32Array, uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, bool: Uint8Array,
};

// JSON has no NaN, Infinity or -0: those numbers are written as strings.
const encodeNumber = (x: number): number | string => (Number.isFinite(x) && !Object.is(x, -0) ? x : Object.is(x, -0) ? '-0' : String(x));

function encode(tensors: TensorMap): Uint8Array {
  const out: JsonTensor[] = [];
  for (const [name, t] of tensors) {
    const data = Array.from(t.data as ArrayLike<number | bigint | string>, (x) => (typeof x === 'bigint' ? x.toString() : typeof x === 'number' ? encodeNumber(x) : x));
    out.push({ name, dtype: t.dtype, dims: [...t.dims], data });
  }
  return new TextEncoder().encode(JSON.stringify({ format: '__NAME__', tensors: out }) + '\n');
}

function decode(sdk: Sdk, bytes: Uint8Array, where: string): TensorMap {
  let doc: { tensors?: JsonTensor[] };
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new sdk.HoduError('E_PLUGIN_DECODE', `${where}: not valid JSON (${(e as Error).message})`, { hint: 'is this a .__BASENAME__ file?' });
  }
  if (!Array.isArray(doc.tensors)) throw new sdk.HoduError('E_PLUGIN_DECODE', `${where}: no "tensors" array`);
  const map: TensorMap = new Map();
  for (const t of doc.tensors) {
    let data: unknown;
    if (t.dtype === 'int64') data = BigInt64Array.from(t.data, (x) => BigInt(x));
    else if (t.dtype === 'uint64') data = BigUint64Array.from(t.data, (x) => BigInt(x));
    else if (t.dtype === 'string') data = t.data.map(String);
    else if (TYPED[t.dtype]) data = TYPED[t.dtype]!.from(t.data.map(Number));
    else throw new sdk.HoduError('E_PLUGIN_DECODE', `${where}: tensor '${t.name}' has unknown dtype '${t.dtype}'`);
    // The SDK's Tensor checks that data length matches dims.
    map.set(t.name, new sdk.Tensor(t.dtype, t.dims, data));
  }
  return map;
}

export default function (sdk: Sdk) {
  return sdk.defineFormatPlugin({
    name: '__NAME__',
    version: '0.1.0',
    capabilities: { loadModel: false, saveModel: false, loadTensors: true, saveTensors: true, extensions: ['.__BASENAME__'] },
    loadTensors: (bytes: Uint8Array, opts?: LoadOptions) => decode(sdk, bytes, opts?.path ?? '__BASENAME__ data'),
    saveTensors: (tensors: TensorMap) => encode(tensors),
  });
}
