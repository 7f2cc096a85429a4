import { defineKernel } from '../kernel';
import { accumulate, finishReduce, groupSize, planReduce } from '../util/reduce';

// sum / count; an empty group gives NaN (0/0), as numpy.mean does.
export default defineKernel('ReduceMean', (inputs, ctx) => {
  const plan = planReduce(inputs, ctx);
  const n = groupSize(plan);
  const acc = accumulate(plan, 0, (a, v) => a + v);
  for (let i = 0; i < acc.length; i++) acc[i] = acc[i]! / n;
  return [finishReduce(plan, acc)];
});
