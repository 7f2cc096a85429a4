import type { Node } from '../ir/graph';
import { nodeError } from '../ir/node-error';
import { float32Tensor, int64Tensor, Tensor } from '../ir/tensor';
import { defineOp } from './schema';
import { ALL } from './_types';

/**
 * The tensor a Constant node holds. Constant-1/9: `value`; -11: `sparse_value` (the loader densifies it);
 * -12: value_float(s) (float32), value_int(s) (int64), value_string(s). Exactly one must be set.
 */
export function constantValue(node: Node): Tensor {
  const set = Object.keys(node.attributes).filter((k) => k === 'value' || k === 'sparse_value' || k.startsWith('value_'));
  if (set.length !== 1) {
    throw nodeError(node, 'E_ATTR', `must set exactly one value attribute, got ${set.length ? set.join(', ') : 'none'}`,
      'the model is malformed; re-export it');
  }
  const a = node.attributes[set[0]!]!;
  switch (a.type) {
    case 'tensor':
    case 'sparse_tensor':
      return a.value;
    case 'float':
      return float32Tensor([a.value], []);
    case 'floats':
      return float32Tensor(a.value, [a.value.length]);
    case 'int':
      return int64Tensor([a.value], []);
    case 'ints':
      return int64Tensor(a.value);
    case 'string':
      return new Tensor('string', [], [a.value]);
    case 'strings':
      return new Tensor('string', [a.value.length], a.value.slice());
    default:
      throw nodeError(node, 'E_ATTR', `attribute '${set[0]}' has unsupported type ${a.type}`);
  }
}

export default defineOp({
  op: 'Constant',
  sinceVersion: 1,
  versions: [1, 9, 11, 12, 13, 19, 21], types: { T: ALL },
  inputs: [],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: {
    value: { type: 'tensor' },
    sparse_value: { type: 'sparse_tensor' },
    value_float: { type: 'float' },
    value_floats: { type: 'floats' },
    value_int: { type: 'int' },
    value_ints: { type: 'ints' },
    value_string: { type: 'string' },
    value_strings: { type: 'strings' },
  },
  infer(ctx) {
    const v = constantValue(ctx.node);
    return [{ dtype: v.dtype, shape: v.dims.slice() }];
  },
});
