/** Reshape-5: the target shape moves from the `shape` attribute to the second input. Reshape-14's allowzero defaults to the old meaning. */
import { intsAttrToInput, takeAttr, type UpgradeRule } from './rule';

export const reshapeRules: UpgradeRule[] = [
  {
    op: 'Reshape',
    at: 5,
    apply(node, ctx) {
      if (!node.attributes.shape) throw ctx.refuse(node, "Reshape-1 without a 'shape' attribute has no target shape");
      intsAttrToInput(node, ctx, 'shape', 1);
      takeAttr(node, 'consumed_inputs');
      return [node];
    },
  },
];
