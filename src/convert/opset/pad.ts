/**
 * Pad.
 *   -2:  the `paddings` attribute is renamed `pads`.
 *   -11: `pads` moves to an int64 input and `value` to a scalar input of the data's dtype (omitted when 0, the
 *        default of both forms; otherwise the data's dtype must be known).
 */
import { fromNumbers } from '../../ir/tensor';
import { intsAttrToInput, setInput, takeAttr, type UpgradeRule } from './rule';

export const padRules: UpgradeRule[] = [
  {
    op: 'Pad',
    at: 2,
    apply(node) {
      const paddings = takeAttr(node, 'paddings');
      if (paddings) node.attributes.pads = paddings;
      return [node];
    },
  },
  {
    op: 'Pad',
    at: 11,
    apply(node, ctx) {
      if (!node.attributes.pads) throw ctx.refuse(node, "Pad-2 needs a 'pads' attribute");
      intsAttrToInput(node, ctx, 'pads', 1);
      const value = takeAttr(node, 'value');
      if (value?.type === 'float' && value.value !== 0) {
        const dtype = ctx.dtypeOf(node.inputs[0]!);
        if (!dtype) throw ctx.refuse(node, `the dtype of its input '${node.inputs[0]}' is unknown, so its pad value cannot be typed`);
        setInput(node, 2, ctx.constant(`${node.name || 'pad'}_value`, fromNumbers(dtype, [], [value.value])));
      }
      return [node];
    },
  },
];
