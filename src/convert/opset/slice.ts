/** Slice-10: starts, ends and axes move from attributes to inputs 1-3 (the clamping rules are the same). */
import { intsAttrToInput, type UpgradeRule } from './rule';

export const sliceRules: UpgradeRule[] = [
  {
    op: 'Slice',
    at: 10,
    apply(node, ctx) {
      if (!node.attributes.starts || !node.attributes.ends) throw ctx.refuse(node, "Slice-1 needs 'starts' and 'ends' attributes");
      node.inputs = node.inputs.slice(0, 1);
      intsAttrToInput(node, ctx, 'starts', 1);
      intsAttrToInput(node, ctx, 'ends', 2);
      intsAttrToInput(node, ctx, 'axes', 3);
      return [node];
    },
  },
];
