import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { toIntList } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { broadcastIndex, broadcastShape } from '../util/broadcast';
import { takeByIndex } from '../util/copy';

export default defineKernel('Expand', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const shape = toIntList(tensorInput(inputs, 1, ctx));
  if (shape.some((d) => d < 0)) {
    throw nodeError(ctx.node, 'E_SHAPE', `shape [${shape.join(',')}] has a negative dim`,
      'Expand shapes are non-negative sizes (1 keeps the input dim)');
  }
  const outDims = broadcastShape([x.dims, shape], ` in ${nodeLabel(ctx.node)}`);
  const index = broadcastIndex(x.dims, outDims);
  return [index ? takeByIndex(x, outDims, index) : x];
});
