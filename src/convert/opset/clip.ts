/**
 * Clip-11: the `min`/`max` float attributes become optional scalar inputs of the input's dtype. An absent
 * attribute stays an absent input (Clip-6's defaults are ±FLT_MAX, "no bound"). The input's dtype must be known
 * to type the scalars.
 */
import { fromNumbers } from '../../ir/tensor';
import { setInput, takeAttr, type UpgradeRule } from './rule';

export const clipRules: UpgradeRule[] = [
  {
    op: 'Clip',
    at: 11,
    apply(node, ctx) {
      const min = takeAttr(node, 'min');
      const max = takeAttr(node, 'max');
      if (!min && !max) return [node];
      const dtype = ctx.dtypeOf(node.inputs[0]!);
      if (!dtype) throw ctx.refuse(node, `the dtype of its input '${node.inputs[0]}' is unknown, so its min/max cannot be typed`, 'declare the input types in the model (value_info)');
      for (const [index, a] of [[1, min], [2, max]] as const) {
        if (!a) continue;
        if (a.type !== 'float') throw ctx.refuse(node, `attribute of type ${a.type}, expected float`);
        setInput(node, index, ctx.constant(`${node.name || 'clip'}_${index === 1 ? 'min' : 'max'}`, fromNumbers(dtype, [], [a.value])));
      }
      return [node];
    },
  },
];
