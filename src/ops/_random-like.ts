import type { DType } from '../ir/dtype';
import type { AttrSpec, InferContext, InferOutput } from './schema';
import { dtypeFromCode, RANDOM_FLOAT_DTYPES } from './_random';

export const uniformAttributes: Record<string, AttrSpec> = {
  dtype: { type: 'int' },
  high: { type: 'float', default: 1.0 },
  low: { type: 'float', default: 0.0 },
  seed: { type: 'float' },
};

export const normalAttributes: Record<string, AttrSpec> = {
  dtype: { type: 'int' },
  mean: { type: 'float', default: 0.0 },
  scale: { type: 'float', default: 1.0 },
  seed: { type: 'float' },
};

/** RandomUniform / RandomNormal: the `shape` attribute, `dtype` defaulting to float32. */
export function inferRandom(ctx: InferContext): InferOutput[] {
  return [{ dtype: dtypeFromCode(ctx.node, ctx.attr<number | undefined>('dtype'), 'float32', RANDOM_FLOAT_DTYPES), shape: ctx.attr<number[]>('shape').slice() }];
}

/** The *Like variants: the input's shape, `dtype` defaulting to the input's dtype. */
export function inferRandomLike(ctx: InferContext): InferOutput[] {
  const x = ctx.inputs[0];
  const code = ctx.attr<number | undefined>('dtype');
  const dtype: DType | undefined = code === undefined ? x?.dtype : dtypeFromCode(ctx.node, code, 'float32', RANDOM_FLOAT_DTYPES);
  return [{ dtype, shape: x?.shape?.slice() }];
}
