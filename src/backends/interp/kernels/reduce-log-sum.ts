import { defineKernel } from '../kernel';
import { accumulate, finishReduce, planReduce } from '../util/reduce';

// log(sum(x)); an empty group gives log(0) = -inf.
export default defineKernel('ReduceLogSum', (inputs, ctx) => {
  const plan = planReduce(inputs, ctx);
  const acc = accumulate(plan, 0, (a, v) => a + v);
  for (let i = 0; i < acc.length; i++) acc[i] = Math.log(acc[i]!);
  return [finishReduce(plan, acc)];
});
