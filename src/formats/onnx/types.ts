/** TypeProto ⇄ ValueType. */
import type { Dim, ValueType } from '../../ir/graph';
import type { DecodeContext } from './context';
import { dtypeFromOnnx, dtypeToOnnx } from '../../ir/dtype-codes';
import { int64ToNumber, numberToInt64, onnx } from './pb';

/**
 * Decodes a TypeProto. Returns undefined when the type is absent or incomplete (no element type), which
 * the IR reads as "unknown". Sparse tensor types become dense tensor types: hodu densifies sparse data.
 */
export function typeFromProto(t: onnx.ITypeProto | null | undefined, ctx: DecodeContext, where: string): ValueType | undefined {
  if (!t) return undefined;
  const tensor = t.tensorType ?? t.sparseTensorType;
  if (tensor) {
    if (!tensor.elemType) return undefined;
    const dtype = dtypeFromOnnx(tensor.elemType, `${ctx.label}: ${where}`);
    if (!tensor.shape) return { kind: 'tensor', dtype };
    return { kind: 'tensor', dtype, shape: (tensor.shape.dim ?? []).map(dimFromProto) };
  }
  if (t.sequenceType) {
    const elem = typeFromProto(t.sequenceType.elemType, ctx, where);
    return elem && { kind: 'sequence', elem };
  }
  if (t.optionalType) {
    const elem = typeFromProto(t.optionalType.elemType, ctx, where);
    return elem && { kind: 'optional', elem };
  }
  if (t.mapType) {
    const value = typeFromProto(t.mapType.valueType, ctx, where);
    if (!value || !t.mapType.keyType) return undefined;
    return { kind: 'map', key: dtypeFromOnnx(t.mapType.keyType, `${ctx.label}: ${where}`), value };
  }
  return undefined;
}

function dimFromProto(d: onnx.TensorShapeProto.IDimension): Dim {
  // `dim_value` and `dim_param` are a oneof; neither set means an unknown, unnamed dimension.
  if (d.dimParam) return d.dimParam;
  if (d.dimValue !== null && d.dimValue !== undefined) return int64ToNumber(d.dimValue);
  return '?';
}

export function typeToProto(t: ValueType): onnx.ITypeProto {
  switch (t.kind) {
    case 'tensor':
      return {
        tensorType: {
          elemType: dtypeToOnnx(t.dtype),
          shape: t.shape && { dim: t.shape.map(dimToProto) },
        },
      };
    case 'sequence':
      return { sequenceType: { elemType: typeToProto(t.elem) } };
    case 'optional':
      return { optionalType: { elemType: typeToProto(t.elem) } };
    case 'map':
      return { mapType: { keyType: dtypeToOnnx(t.key), valueType: typeToProto(t.value) } };
  }
}

function dimToProto(d: Dim): onnx.TensorShapeProto.IDimension {
  if (typeof d === 'number') return { dimValue: numberToInt64(d) };
  return d === '?' ? {} : { dimParam: d };
}
