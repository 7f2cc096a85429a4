import { defineKernel } from '../kernel';
import { accumulate, accumulateBig, finishReduce, isBigReduce, planReduce } from '../util/reduce';

// sum of the group; an empty group sums to 0.
export default defineKernel('ReduceSum', (inputs, ctx) => {
  const plan = planReduce(inputs, ctx);
  if (isBigReduce(plan)) return [accumulateBig(plan, 0n, (a, v) => a + v)];
  return [finishReduce(plan, accumulate(plan, 0, (a, v) => a + v))];
});
