import { dtypeFromOnnx } from '../../../ir/dtype-codes';
import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { fromNumbers, type Tensor, toNumbers } from '../../../ir/tensor';
import { tensorInput, type Kernel } from '../kernel';
import { cosineWindow } from './signal';

/** A window kernel from its cosine coefficients (computed in float64, stored as output_datatype). */
export function windowKernel(coeffs: readonly number[]): Kernel {
  return (inputs, ctx) => {
    const sizeT: Tensor = tensorInput(inputs, 0, ctx);
    const size = Number(toNumbers(sizeT)[0]);
    if (sizeT.size !== 1 || !Number.isInteger(size) || size < 0) {
      throw nodeError(ctx.node, 'E_INPUT', `size must be a non-negative integer scalar, got ${size}`);
    }
    const dtype = dtypeFromOnnx(ctx.attr<number>('output_datatype'), nodeLabel(ctx.node));
    if (dtype === 'string' || dtype === 'bool') throw nodeError(ctx.node, 'E_ATTR', `output_datatype ${dtype} is not numeric`);
    return [fromNumbers(dtype, [size], cosineWindow(size, ctx.attr<number>('periodic') !== 0, coeffs))];
  };
}
