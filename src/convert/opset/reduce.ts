/**
 * Reduce*: `axes` moves from an attribute to the second input, at opset 13 for ReduceSum and at 18 for the
 * others. No attribute means "reduce every axis" in both forms (noop_with_empty_axes defaults to 0).
 */
import { intsAttrToInput, type UpgradeRule } from './rule';

const AT_18 = ['ReduceL1', 'ReduceL2', 'ReduceLogSum', 'ReduceLogSumExp', 'ReduceMax', 'ReduceMean', 'ReduceMin', 'ReduceProd', 'ReduceSumSquare'];

const axesToInput = (op: string, at: number): UpgradeRule => ({
  op,
  at,
  apply(node, ctx) {
    intsAttrToInput(node, ctx, 'axes', 1);
    return [node];
  },
});

export const reduceRules: UpgradeRule[] = [axesToInput('ReduceSum', 13), ...AT_18.map((op) => axesToInput(op, 18))];
