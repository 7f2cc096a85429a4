/** TopK-10: `k` moves from an attribute to a 1-element int64 input. */
import { int64Tensor } from '../../ir/tensor';
import { setInput, takeAttr, type UpgradeRule } from './rule';

export const topKRules: UpgradeRule[] = [
  {
    op: 'TopK',
    at: 10,
    apply(node, ctx) {
      const k = takeAttr(node, 'k');
      if (k?.type !== 'int') throw ctx.refuse(node, "TopK-1 needs an int 'k' attribute");
      setInput(node, 1, ctx.constant(`${node.name || 'topk'}_k`, int64Tensor([k.value])));
      return [node];
    },
  },
];
