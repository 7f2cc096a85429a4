/**
 * Dropout: -7 drops `is_test` (a converted model runs for inference, where Dropout passes its input through, as
 * the ONNX converter assumes); -12 moves `ratio` to an optional float input.
 */
import { float32Tensor } from '../../ir/tensor';
import { setInput, takeAttr, type UpgradeRule } from './rule';

export const dropoutRules: UpgradeRule[] = [
  { op: 'Dropout', at: 7, apply: (node) => (takeAttr(node, 'is_test'), [node]) },
  {
    op: 'Dropout',
    at: 12,
    apply(node, ctx) {
      const ratio = takeAttr(node, 'ratio');
      if (ratio?.type === 'float') setInput(node, 1, ctx.constant(`${node.name || 'dropout'}_ratio`, float32Tensor([ratio.value], [])));
      return [node];
    },
  },
];
