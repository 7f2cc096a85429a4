import { defineKernel } from '../kernel';
import { accumulate, accumulateBig, finishReduce, isBigReduce, planReduce } from '../util/reduce';

// sum(|x|); an empty group gives 0.
export default defineKernel('ReduceL1', (inputs, ctx) => {
  const plan = planReduce(inputs, ctx);
  if (isBigReduce(plan)) return [accumulateBig(plan, 0n, (a, v) => a + (v < 0n ? -v : v))];
  return [finishReduce(plan, accumulate(plan, 0, (a, v) => a + Math.abs(v)))];
});
