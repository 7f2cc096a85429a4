import { defineKernel } from '../kernel';
import { accumulate, accumulateBig, finishReduce, isBigReduce, planReduce } from '../util/reduce';

// sum(x^2); an empty group gives 0.
export default defineKernel('ReduceSumSquare', (inputs, ctx) => {
  const plan = planReduce(inputs, ctx);
  if (isBigReduce(plan)) return [accumulateBig(plan, 0n, (a, v) => a + v * v)];
  return [finishReduce(plan, accumulate(plan, 0, (a, v) => a + v * v))];
});
