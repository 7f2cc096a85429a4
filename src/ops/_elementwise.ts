import type { DType } from '../ir/dtype';
import { inferBroadcastBool, inferBroadcastSameType, inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import type { AttrSpec, InferContext, OpFacts, OpSchema } from './schema';

type Attrs = Record<string, AttrSpec>;

/** Opset-1 versions of many elementwise ops carried this (ignored) attribute; declared so old models load. */
export const CONSUMED_INPUTS: Attrs = { consumed_inputs: { type: 'ints' } };

/** Before opset 7, Add/Sub/Mul/Div/Pow/And/Or/Xor/Equal/Greater/Less broadcast B onto A only when `broadcast=1`, from `axis`. */
export const LEGACY_BROADCAST: Attrs = { broadcast: { type: 'int', default: 0 }, axis: { type: 'int' } };

interface Range extends OpFacts {
  sinceVersion: number;
  attributes?: Attrs;
  doc?: string;
}

/** X -> Y, same dtype and shape; both typed T. */
export function defineUnaryOp(op: string, r: Range): OpSchema {
  return defineOp({ op, ...r, inputs: [{ name: 'X', type: 'T' }], outputs: [{ name: 'Y', type: 'T' }], attributes: r.attributes ?? {}, infer: inferSameAsInput });
}

/** Unary op whose output has a fixed dtype (IsNaN, IsInf -> bool): X typed T1, Y typed T2. */
export function defineUnaryToOp(op: string, dtype: DType, r: Range): OpSchema {
  return defineOp({
    op, ...r, inputs: [{ name: 'X', type: 'T1' }], outputs: [{ name: 'Y', type: 'T2' }], attributes: r.attributes ?? {},
    infer: (ctx: InferContext) => [{ dtype, shape: ctx.inputs[0]?.shape?.slice() }],
  });
}

/**
 * A, B -> C with numpy broadcasting; C has A's dtype (T), or bool (T1) for comparisons and logic. B is typed T,
 * or T1 when its dtype is independent of A's (Pow).
 */
export function defineBinaryOp(op: string, r: Range & { bool?: boolean }): OpSchema {
  const bType = !r.bool && r.types.T1 ? 'T1' : 'T';
  return defineOp({
    op, sinceVersion: r.sinceVersion, versions: r.versions, types: r.types, doc: r.doc,
    inputs: [{ name: 'A', type: 'T' }, { name: 'B', type: bType }], outputs: [{ name: 'C', type: r.bool ? 'T1' : 'T' }], attributes: r.attributes ?? {},
    infer: (ctx) => {
      // Legacy (opset < 7) broadcast=1 fits B into A from `axis`: the output always has A's shape.
      if (ctx.opset < 7 && ctx.node.attributes.broadcast?.value === 1) {
        return [{ dtype: r.bool ? 'bool' : ctx.inputs[0]?.dtype, shape: ctx.inputs[0]?.shape?.slice() }];
      }
      return r.bool ? inferBroadcastBool(ctx) : inferBroadcastSameType(ctx);
    },
  });
}

/** data_0..data_n -> result, numpy broadcast over all inputs (Max, Min, Sum, Mean). */
export function defineVariadicOp(op: string, r: Range): OpSchema {
  return defineOp({
    op, ...r, inputs: [{ name: 'data_0', type: 'T', variadic: true }], outputs: [{ name: 'result', type: 'T' }], attributes: r.attributes ?? {},
    infer: inferBroadcastSameType,
  });
}
