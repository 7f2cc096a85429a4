import { defineKernel } from '../kernel';
import { accumulate, finishReduce, planReduce } from '../util/reduce';

// sqrt(sum(x^2)); an empty group gives 0.
export default defineKernel('ReduceL2', (inputs, ctx) => {
  const plan = planReduce(inputs, ctx);
  const acc = accumulate(plan, 0, (a, v) => a + v * v);
  for (let i = 0; i < acc.length; i++) acc[i] = Math.sqrt(acc[i]!);
  return [finishReduce(plan, acc)];
});
