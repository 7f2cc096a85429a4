/**
 * BatchNormalization.
 *   -7:  `is_test` is removed (inference is the only mode a converted model runs in; as the ONNX converter).
 *   -9:  `spatial` is removed; spatial=1 (the default) is what 9 means, spatial=0 (per-element statistics) is refused.
 *   -14: the running mean/variance outputs exist only with training_mode=1; a node that uses them is refused.
 */
import { intAttr, takeAttr, type UpgradeRule } from './rule';

export const batchNormRules: UpgradeRule[] = [
  {
    op: 'BatchNormalization',
    at: 7,
    apply(node) {
      takeAttr(node, 'is_test');
      return [node];
    },
  },
  {
    op: 'BatchNormalization',
    at: 9,
    apply(node, ctx) {
      if (intAttr(node, 'spatial', 1) !== 1) throw ctx.refuse(node, 'spatial=0 (statistics per element, not per channel) has no form from opset 9 on');
      takeAttr(node, 'spatial');
      return [node];
    },
  },
  {
    op: 'BatchNormalization',
    at: 14,
    apply(node, ctx) {
      if (node.outputs.slice(1).some((o) => o !== '')) throw ctx.refuse(node, 'it has training outputs (mean/var), which exist from opset 14 on only with training_mode=1');
      node.outputs = node.outputs.slice(0, 1);
      return [node];
    },
  },
];
