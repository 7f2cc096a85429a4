import { registerKernel, tensorInput } from '../kernel';
import { mapBroadcast } from '../util/elementwise';

// C = A + B with numpy broadcasting.
export default registerKernel('Add', (inputs, ctx) => {
  const a = tensorInput(inputs, 0, ctx);
  const b = tensorInput(inputs, 1, ctx);
  return [mapBroadcast([a, b], a.dtype, (x, y) => x + y, ` in Add node '${ctx.node.name}'`)];
});
