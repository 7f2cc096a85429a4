import { dtypeFromCode } from './_random';
import { defineOp } from './schema';
import { FLOATS, NUMERIC_BOOL } from './_types';

export const BERNOULLI_DTYPES = ['float16', 'float32', 'float64', 'bfloat16', 'uint8', 'uint16', 'uint32', 'uint64', 'int8', 'int16', 'int32', 'int64', 'bool'] as const;

// Bernoulli-15/22: 1 with probability input[i], else 0, in `dtype` (default: the input's dtype).
export default defineOp({
  op: 'Bernoulli',
  sinceVersion: 15,
  versions: [15], types: { T1: FLOATS, T2: NUMERIC_BOOL },
  inputs: [{ name: 'input', type: 'T1' }],
  outputs: [{ name: 'output', type: 'T2' }],
  attributes: { dtype: { type: 'int' }, seed: { type: 'float' } },
  infer: (ctx) => {
    const x = ctx.inputs[0];
    const code = ctx.attr<number | undefined>('dtype');
    return [{ dtype: code === undefined ? x?.dtype : dtypeFromCode(ctx.node, code, 'float32', BERNOULLI_DTYPES), shape: x?.shape?.slice() }];
  },
});
