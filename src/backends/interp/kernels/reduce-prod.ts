import { defineKernel } from '../kernel';
import { accumulate, accumulateBig, finishReduce, isBigReduce, planReduce } from '../util/reduce';

// an empty group gives 1.
export default defineKernel('ReduceProd', (inputs, ctx) => {
  const plan = planReduce(inputs, ctx);
  if (isBigReduce(plan)) return [accumulateBig(plan, 1n, (a, v) => a * v)];
  return [finishReduce(plan, accumulate(plan, 1, (a, v) => a * v))];
});
