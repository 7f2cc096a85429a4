import type { DType } from '../ir/dtype';
import type { Node } from '../ir/graph';
import { CODE_TO_DTYPE } from '../ir/dtype-codes';
import { nodeError } from '../ir/node-error';
import { defineOp } from './schema';
import { ALL } from './_types';

/** Cast-1 named the target type with a string. */
const BY_NAME: Record<string, DType> = {
  FLOAT: 'float32', UINT8: 'uint8', INT8: 'int8', UINT16: 'uint16', INT16: 'int16', INT32: 'int32', INT64: 'int64',
  STRING: 'string', BOOL: 'bool', FLOAT16: 'float16', DOUBLE: 'float64', UINT32: 'uint32', UINT64: 'uint64', BFLOAT16: 'bfloat16',
};

/** The dtype named by a Cast node's `to` attribute (int code, or a name in Cast-1). */
export function castTarget(node: Node): DType {
  const a = node.attributes.to;
  const dtype = a?.type === 'int' ? CODE_TO_DTYPE[a.value] : a?.type === 'string' ? BY_NAME[a.value.toUpperCase()] : undefined;
  if (!a) throw nodeError(node, 'E_ATTR', `missing required attribute 'to'`, 'the model is malformed; re-export it');
  if (!dtype) {
    throw nodeError(node, 'E_UNSUPPORTED_ATTR', `target type ${JSON.stringify(a.value)} is not supported`,
      'hodu handles float16/32/64, bfloat16, (u)int8-64, bool and string; float8, 4-bit and complex types are not supported');
  }
  return dtype;
}

// Opset 1 had `to` as a string; 6+ as an int code; 19 added `saturate` (float8 only, accepted and ignored).
export default defineOp({
  op: 'Cast',
  sinceVersion: 1,
  versions: [1, 6, 9, 13, 19, 21], types: { T1: ALL, T2: ALL },
  inputs: [{ name: 'input', type: 'T1' }],
  outputs: [{ name: 'output', type: 'T2' }],
  attributes: { to: { type: 'int', required: true }, saturate: { type: 'int', default: 1 } },
  infer: (ctx) => [{ dtype: castTarget(ctx.node), shape: ctx.inputs[0]?.shape?.slice() }],
});
