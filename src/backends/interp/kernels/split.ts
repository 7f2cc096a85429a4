import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import { toIntList } from '../../../ir/tensor';
import { equalSplit } from '../../../ops/split';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { sliceAxis } from '../util/copy';

// Splits along `axis` into as many outputs as the node has, by explicit sizes or equally.
export default defineKernel('Split', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const n = ctx.node.outputs.length;
  const axis = normalizeAxis(ctx.attr<number>('axis'), x.rank, ctx.node);
  const dim = x.dims[axis]!;
  const splitInput = optionalInput(inputs, 1);
  const useInput = ctx.opset >= 13 || (ctx.opset < 2 && splitInput !== undefined);
  let sizes = useInput ? (splitInput ? toIntList(splitInput) : undefined) : ctx.attr<number[] | undefined>('split');
  if (!sizes) {
    const numOutputs = ctx.opset >= 18 ? ctx.attr<number | undefined>('num_outputs') : undefined;
    if (numOutputs !== undefined && numOutputs !== n) {
      throw nodeError(ctx.node, 'E_ATTR', `num_outputs=${numOutputs} but the node has ${n} outputs`);
    }
    const equal = equalSplit(dim, n, ctx.opset >= 18);
    if (!equal) {
      throw nodeError(ctx.node, 'E_SHAPE', `dim ${dim} on axis ${axis} cannot be split evenly into ${n} outputs`, 'give explicit split sizes');
    }
    sizes = equal;
  }
  if (sizes.length !== n || sizes.some((s) => s < 0) || sizes.reduce((a, b) => a + b, 0) !== dim) {
    throw nodeError(ctx.node, 'E_SHAPE', `split sizes [${sizes.join(',')}] do not cover dim ${dim} with ${n} outputs`);
  }
  let begin = 0;
  return sizes.map((len) => {
    const part = sliceAxis(x, axis, begin, len);
    begin += len;
    return part;
  });
});
