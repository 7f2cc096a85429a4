import { toNumbers } from '../../../ir/tensor';
import { defineKernel } from '../kernel';
import { accumulate, finishReduce, planReduce } from '../util/reduce';

// log(sum(exp(x))), computed as m + log(sum(exp(x - m))) with m the group max so exp cannot overflow;
// NaN inputs propagate through the sum.
export default defineKernel('ReduceLogSumExp', (inputs, ctx) => {
  const plan = planReduce(inputs, ctx);
  const values = toNumbers(plan.x);
  const max = accumulate(plan, -Infinity, (a, v) => (v > a ? v : a), values);
  const sum = new Float64Array(plan.outSize);
  const idx = plan.outIndex;
  for (let i = 0; i < values.length; i++) {
    const o = idx ? idx[i]! : i;
    if (Number.isFinite(max[o]!)) sum[o] += Math.exp(values[i]! - max[o]!);
  }
  // A non-finite max is the answer itself: -inf for an empty group (or all -inf), +inf if any +inf.
  for (let o = 0; o < sum.length; o++) sum[o] = Number.isFinite(max[o]!) ? max[o]! + Math.log(sum[o]!) : max[o]!;
  return [finishReduce(plan, sum)];
});
