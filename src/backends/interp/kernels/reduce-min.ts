import { defineKernel } from '../kernel';
import { accumulate, accumulateBig, finishReduce, isBigReduce, planReduce } from '../util/reduce';

// an empty group gives +inf (or the dtype maximum for integers); NaN propagates. bool from opset 20.
export default defineKernel('ReduceMin', (inputs, ctx) => {
  const plan = planReduce(inputs, ctx);
  if (isBigReduce(plan)) return [accumulateBig(plan, plan.x.dtype === 'int64' ? 2n ** 63n - 1n : 2n ** 64n - 1n, (a, v) => (v < a ? v : a))];
  return [finishReduce(plan, accumulate(plan, Infinity, (a, v) => (v < a || Number.isNaN(v) ? v : a)))];
});
