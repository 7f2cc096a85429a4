/**
 * ONNX bytes → IR. Accepts IR versions 3..10 and default-domain opsets 1..21. Anything malformed ends as
 * a HoduError (E_ONNX_DECODE, E_ONNX_VERSION, E_ONNX_EXTERNAL_DATA, E_UNSUPPORTED_DTYPE), never a stack trace.
 */
import { HoduError, isHoduError } from '../../errors';
import type { Model } from '../../ir/graph';
import type { Tensor } from '../../ir/tensor';
import type { LoadOptions } from '../../sdk/format';
import { makeContext, type DecodeContext } from './context';
import { functionFromProto, graphFromProto, opsetsFromProto } from './decode-graph';
import { tensorFromProto, tensorFromSparseProto } from './decode-tensor';
import { int64ToNumber, onnx } from './pb';

const MIN_IR_VERSION = 3;
const MAX_IR_VERSION = 10;
const MIN_OPSET = 1;
export const MAX_OPSET = 21;

/** Decodes an ONNX model file. `opts.path` names the file in messages and locates external data. */
export function decodeModel(bytes: Uint8Array, opts: LoadOptions = {}): Model {
  const ctx = makeContext(opts.path, opts.loadExternalData ?? true);
  try {
    const proto = parse(ctx, 'model', () => onnx.ModelProto.decode(bytes), bytes.length);
    return guard(ctx, 'model', () => modelFromProto(proto, ctx));
  } catch (e) {
    if (isHoduError(e) && e.code === 'E_ONNX_DECODE' && isTensorProto(bytes)) {
      throw new HoduError('E_ONNX_DECODE', `${ctx.label}: holds a single ONNX tensor (TensorProto), not a model`, {
        hint: 'name single-tensor files .pb (older hodu versions wrote `convert x.npy x.onnx` this way); then `hodu inspect FILE.pb` reads it',
      });
    }
    throw e;
  }
}

/** Whether bytes that are not a model decode cleanly as one self-consistent tensor (for a better message). */
function isTensorProto(bytes: Uint8Array): boolean {
  try {
    decodeNamedTensorProto(bytes, { loadExternalData: false });
    return true;
  } catch {
    return false;
  }
}

function modelFromProto(m: onnx.ModelProto, ctx: DecodeContext): Model {
  const irVersion = int64ToNumber(m.irVersion);
  if (!m.graph) throw notOnnx(ctx, 'no graph');
  if (irVersion === 0) throw notOnnx(ctx, 'no ir_version');
  if (irVersion < MIN_IR_VERSION || irVersion > MAX_IR_VERSION) {
    throw new HoduError('E_ONNX_VERSION', `${ctx.label}: ONNX IR version ${irVersion} is not supported (hodu reads ${MIN_IR_VERSION}..${MAX_IR_VERSION})`, {
      hint: irVersion < MIN_IR_VERSION
        ? 'upgrade the model with onnx.version_converter (python -m onnx.version_converter) or re-export it'
        : 'this model was written by a newer ONNX; re-export it with an older IR version or update hodu',
    });
  }
  const opsetImports = opsetsFromProto(m.opsetImport);
  for (const o of opsetImports) {
    if (o.domain === '' && (o.version < MIN_OPSET || o.version > MAX_OPSET)) {
      throw new HoduError('E_ONNX_VERSION', `${ctx.label}: ONNX opset ${o.version} is not supported (hodu reads opsets ${MIN_OPSET}..${MAX_OPSET})`, {
        hint: 'convert the model to a supported opset with onnx.version_converter.convert_version(model, 17)',
      });
    }
  }
  const model: Model = {
    irVersion,
    opsetImports,
    metadata: Object.fromEntries((m.metadataProps ?? []).map((e) => [e.key ?? '', e.value ?? ''])),
    graph: graphFromProto(m.graph, ctx),
    functions: (m.functions ?? []).map((f) => functionFromProto(f, ctx)),
  };
  if (m.producerName) model.producerName = m.producerName;
  if (m.producerVersion) model.producerVersion = m.producerVersion;
  if (m.domain) model.domain = m.domain;
  const modelVersion = int64ToNumber(m.modelVersion);
  if (modelVersion) model.modelVersion = modelVersion;
  if (m.docString) model.doc = m.docString;
  return model;
}

/** Decodes one serialized TensorProto (e.g. the `input_0.pb` files of the ONNX test data). */
export function decodeTensorProto(bytes: Uint8Array, opts: LoadOptions = {}): Tensor {
  return decodeNamedTensorProto(bytes, opts).tensor;
}

/** Like decodeTensorProto, also returning the tensor's name ('' when unnamed). */
export function decodeNamedTensorProto(bytes: Uint8Array, opts: LoadOptions = {}): { name: string; tensor: Tensor } {
  const ctx = makeContext(opts.path, opts.loadExternalData ?? true);
  const p = parse(ctx, 'tensor', () => onnx.TensorProto.decode(bytes), bytes.length);
  return guard(ctx, 'tensor', () => {
    if (!p.dataType) throw notOnnx(ctx, 'no data_type', 'tensor');
    return { name: p.name ?? '', tensor: tensorFromProto(p, ctx) };
  });
}

/** A decoded SequenceProto/OptionalProto value: a tensor, a list of values, or undefined (empty optional). */
export type OnnxValue = Tensor | OnnxValue[] | undefined;

/** Decodes a serialized SequenceProto (tensor and nested sequences). */
export function decodeSequenceProto(bytes: Uint8Array, opts: LoadOptions = {}): OnnxValue[] {
  const ctx = makeContext(opts.path, opts.loadExternalData ?? true);
  const p = parse(ctx, 'sequence', () => onnx.SequenceProto.decode(bytes), bytes.length);
  return guard(ctx, 'sequence', () => sequenceValues(p, ctx));
}

/** Decodes a serialized OptionalProto; an empty optional is undefined. */
export function decodeOptionalProto(bytes: Uint8Array, opts: LoadOptions = {}): OnnxValue {
  const ctx = makeContext(opts.path, opts.loadExternalData ?? true);
  const p = parse(ctx, 'optional', () => onnx.OptionalProto.decode(bytes), bytes.length);
  return guard(ctx, 'optional', () => optionalValue(p, ctx));
}

function sequenceValues(p: onnx.ISequenceProto, ctx: DecodeContext): OnnxValue[] {
  const where = `sequence '${p.name ?? ''}'`;
  switch (p.elemType) {
    case onnx.SequenceProto.DataType.TENSOR:
      return (p.tensorValues ?? []).map((t, i) => tensorFromProto(t, ctx, `${where}[${i}]`));
    case onnx.SequenceProto.DataType.SPARSE_TENSOR:
      return (p.sparseTensorValues ?? []).map((t, i) => tensorFromSparseProto(t, ctx, `${where}[${i}]`));
    case onnx.SequenceProto.DataType.SEQUENCE:
      return (p.sequenceValues ?? []).map((s) => sequenceValues(s, ctx));
    case onnx.SequenceProto.DataType.OPTIONAL:
      return (p.optionalValues ?? []).map((o) => optionalValue(o, ctx));
    case onnx.SequenceProto.DataType.UNDEFINED:
      return [];
  }
  throw new HoduError('E_UNSUPPORTED', `${ctx.label}: ${where}: sequences of element type ${p.elemType} are not supported`);
}

function optionalValue(p: onnx.IOptionalProto, ctx: DecodeContext): OnnxValue {
  const where = `optional '${p.name ?? ''}'`;
  switch (p.elemType) {
    case onnx.OptionalProto.DataType.TENSOR:
      return p.tensorValue ? tensorFromProto(p.tensorValue, ctx, where) : undefined;
    case onnx.OptionalProto.DataType.SPARSE_TENSOR:
      return p.sparseTensorValue ? tensorFromSparseProto(p.sparseTensorValue, ctx, where) : undefined;
    case onnx.OptionalProto.DataType.SEQUENCE:
      return p.sequenceValue ? sequenceValues(p.sequenceValue, ctx) : undefined;
    case onnx.OptionalProto.DataType.OPTIONAL:
      return p.optionalValue ? optionalValue(p.optionalValue, ctx) : undefined;
    case onnx.OptionalProto.DataType.UNDEFINED:
      return undefined;
  }
  throw new HoduError('E_UNSUPPORTED', `${ctx.label}: ${where}: optionals of element type ${p.elemType} are not supported`);
}

function notOnnx(ctx: DecodeContext, detail: string, what = 'model'): HoduError {
  return new HoduError('E_ONNX_DECODE', `${ctx.label}: not a valid ONNX ${what} (${detail})`, {
    hint: `check that the file is a complete ONNX ${what}; a partial download or a different format gives this error`,
  });
}

/** Runs the protobuf decoder, turning its RangeErrors ("index out of range", "invalid wire type") into HoduErrors. */
function parse<T>(ctx: DecodeContext, what: string, run: () => T, size: number): T {
  if (size === 0) throw notOnnx(ctx, 'the file is empty', what);
  try {
    return run();
  } catch (e) {
    throw notOnnx(ctx, (e as Error)?.message ?? String(e), what);
  }
}

/** Conversion errors from deep inside (stack overflow on absurd nesting, typed-array limits) also become HoduErrors. */
function guard<T>(ctx: DecodeContext, what: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (isHoduError(e)) throw e;
    throw notOnnx(ctx, (e as Error)?.message ?? String(e), what);
  }
}
