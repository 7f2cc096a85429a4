/** Squeeze-13 and Unsqueeze-13: `axes` moves from an attribute to the second input (absent stays absent: squeeze every 1). */
import { intsAttrToInput, type UpgradeRule } from './rule';

const axesToInput = (op: string): UpgradeRule => ({
  op,
  at: 13,
  apply(node, ctx) {
    if (op === 'Unsqueeze' && !node.attributes.axes) throw ctx.refuse(node, "Unsqueeze without 'axes' is malformed");
    intsAttrToInput(node, ctx, 'axes', 1);
    return [node];
  },
});

export const squeezeRules: UpgradeRule[] = [axesToInput('Squeeze'), axesToInput('Unsqueeze')];
