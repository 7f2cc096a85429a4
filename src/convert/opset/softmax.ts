/**
 * Softmax, LogSoftmax and Hardmax 13: before 13 the input was coerced to 2-D at `axis` (default 1) and
 * normalized over everything from `axis` on; from 13 over the one axis `axis` (default -1). When `axis` is the
 * last axis the two agree and only the attribute is rewritten; otherwise, as the ONNX version converter does,
 * the node becomes Flatten(axis) → op(axis=-1) → Reshape(to Shape(input)), which is the old meaning exactly.
 */
import type { Node } from '../../ir/graph';
import { intAttr, newNode, type RuleContext, type UpgradeRule } from './rule';

function upgrade(node: Node, ctx: RuleContext): Node[] {
  const axis = intAttr(node, 'axis', 1);
  const x = node.inputs[0]!;
  const rank = ctx.rankOf(x);
  const last = axis === -1 || (rank !== undefined && axis === rank - 1);
  node.attributes.axis = { type: 'int', value: -1 };
  if (last) return [node];
  const shape = newNode(ctx, 'Shape', [x], {}, `${node.name}_shape`);
  const flatten = newNode(ctx, 'Flatten', [x], { axis: { type: 'int', value: axis } }, `${node.name}_flatten`);
  const out = node.outputs[0]!;
  const flat = ctx.fresh(`${node.name}_2d`);
  const reshape: Node = { name: ctx.fresh(`${node.name}_reshape`), op: 'Reshape', domain: '', inputs: [flat, shape.outputs[0]!], outputs: [out], attributes: {} };
  node.inputs = [flatten.outputs[0]!];
  node.outputs = [flat];
  return [shape, flatten, node, reshape];
}

export const softmaxRules: UpgradeRule[] = ['Softmax', 'LogSoftmax', 'Hardmax'].map((op) => ({ op, at: 13, apply: upgrade }));
