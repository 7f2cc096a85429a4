/**
 * Split: -2 took `split` only as an attribute (Split-1 also as an input), -13 only as the second input, and -18
 * requires `num_outputs` when that input is absent (equal parts, which is what an absent `split` meant).
 */
import { intsAttrToInput, type UpgradeRule } from './rule';

export const splitRules: UpgradeRule[] = [
  {
    op: 'Split',
    at: 2,
    apply(node, ctx) {
      if (node.inputs.length > 1 && node.inputs[1]) throw ctx.refuse(node, 'Split-1 takes its split sizes as an input; Split-2 only as an attribute');
      return [node];
    },
  },
  {
    op: 'Split',
    at: 13,
    apply(node, ctx) {
      intsAttrToInput(node, ctx, 'split', 1);
      return [node];
    },
  },
  {
    op: 'Split',
    at: 18,
    apply(node) {
      if (!node.inputs[1] && !node.attributes.num_outputs) node.attributes.num_outputs = { type: 'int', value: node.outputs.length };
      return [node];
    },
  },
];
