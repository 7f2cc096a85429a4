import { registerKernel, tensorInput } from '../kernel';
import { broadcastIndex, broadcastShape } from '../util/broadcast';
import { takeByIndex } from '../util/copy';
import { intsOf } from '../util/indexing';

export default registerKernel('Expand', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const shape = intsOf(tensorInput(inputs, 1, ctx));
  const outDims = broadcastShape([x.dims, shape], ` in Expand node '${ctx.node.name}'`);
  const index = broadcastIndex(x.dims, outDims);
  return [index ? takeByIndex(x, outDims, index) : x];
});
