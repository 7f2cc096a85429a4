import { nodeError } from '../../../ir/node-error';
import type { NodeRef } from '../../../ir/node-label';
import type { Tensor } from '../../../ir/tensor';
import { optionalInput, tensorInput, type KernelContext, type Value } from '../kernel';

/** The inputs and attributes every Conv-family kernel starts from (Conv, ConvTranspose). */
interface ConvOperands {
  x: Tensor;
  w: Tensor;
  b: Tensor | undefined;
  group: number;
  batch: number;
  channels: number;
}

/** X, W, optional B and group, with X [N, C, spatial...] and W of the same rank checked. */
export function readConvOperands(inputs: (Value | undefined)[], ctx: KernelContext): ConvOperands {
  const x = tensorInput(inputs, 0, ctx);
  const w = tensorInput(inputs, 1, ctx);
  const b = optionalInput(inputs, 2);
  const group = ctx.attr<number>('group');
  checkConvRanks(x.dims, w.dims, ctx.node);
  return { x, w, b, group, batch: x.dims[0]!, channels: x.dims[1]! };
}

export function checkConvRanks(xDims: readonly number[], wDims: readonly number[], node: NodeRef): void {
  if (xDims.length < 3 || wDims.length !== xDims.length) {
    throw nodeError(node, 'E_SHAPE', `X [${xDims}] must be [N,C,spatial...] and W [${wDims}] of the same rank`);
  }
}

/** W's spatial dims, which must equal kernel_shape when the node declares it. */
export function convKernelShape(w: Tensor, ctx: KernelContext): number[] {
  const kernel = w.dims.slice(2);
  const declared = ctx.attr<number[] | undefined>('kernel_shape');
  if (declared && declared.join(',') !== kernel.join(',')) {
    throw nodeError(ctx.node, 'E_SHAPE', `kernel_shape [${declared}] differs from W's spatial dims [${kernel}]`);
  }
  return kernel;
}

/** B, when given, must be [m]. */
export function checkConvBias(b: Tensor | undefined, m: number, node: NodeRef): void {
  if (b && (b.rank !== 1 || b.dims[0] !== m)) throw nodeError(node, 'E_SHAPE', `B must be [${m}], got [${b.dims}]`);
}
