/**
 * Early-opset attributes that later opsets dropped or made explicit.
 *   *-6:      `consumed_inputs` (a memory hint with no effect on values) is removed from every op.
 *   Add…-7:   the legacy `broadcast`/`axis` attributes of the binary ops and Gemm give way to numpy broadcasting.
 *             broadcast=1 without `axis` matches trailing dims, as numpy does; with `axis` it is kept only when
 *             `axis` is where numpy would align B anyway (rank A − rank B); else refused.
 *   Concat-4: `axis` becomes required; its old default was 1.
 */
import { intAttr, takeAttr, type UpgradeRule } from './rule';

const BINARY = ['Add', 'Sub', 'Mul', 'Div', 'Pow', 'And', 'Or', 'Xor', 'Equal', 'Greater', 'Less'];

const legacyBroadcast = (op: string): UpgradeRule => ({
  op,
  at: 7,
  apply(node, ctx) {
    const broadcast = intAttr(node, 'broadcast', 0);
    const axis = node.attributes.axis;
    if (broadcast === 1 && axis?.type === 'int') {
      const [ra, rb] = [ctx.rankOf(node.inputs[0]!), ctx.rankOf(node.inputs[1]!)];
      const at = ra !== undefined && axis.value < 0 ? axis.value + ra : axis.value;
      if (ra === undefined || rb === undefined || at !== ra - rb) {
        ctx.refuse(node, `legacy broadcast=1 with axis=${axis.value} aligns B at an axis other than numpy broadcasting would${ra === undefined || rb === undefined ? ' (the input ranks are unknown)' : ''}`);
      }
    }
    takeAttr(node, 'broadcast');
    takeAttr(node, 'axis');
    return [node];
  },
});

export const legacyRules: UpgradeRule[] = [
  { op: '*', at: 6, apply: (node) => (takeAttr(node, 'consumed_inputs'), [node]) },
  ...BINARY.map(legacyBroadcast),
  { op: 'Gemm', at: 7, apply: (node) => (takeAttr(node, 'broadcast'), [node]) },
  {
    op: 'Concat',
    at: 4,
    apply(node) {
      node.attributes.axis ??= { type: 'int', value: 1 };
      return [node];
    },
  },
];
