import { Tensor } from '../../../src/ir/tensor';
import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    name: 'constant value tensor',
    op: 'Constant',
    attrs: { value: attr.tensor(new Tensor('int32', [2], Int32Array.of(3, -4))) },
    inputs: [],
    outputs: [t('int32', [2], [3, -4])],
  },
  { name: 'constant value_float (opset 12)', op: 'Constant', opset: 12, attrs: { value_float: attr.float(1.5) }, inputs: [], outputs: [t('float32', [], [1.5])] },
  { name: 'constant value_floats', op: 'Constant', attrs: { value_floats: attr.floats([1, 2]) }, inputs: [], outputs: [t('float32', [2], [1, 2])] },
  { name: 'constant value_int', op: 'Constant', attrs: { value_int: attr.int(-3) }, inputs: [], outputs: [t('int64', [], [-3])] },
  { name: 'constant value_ints', op: 'Constant', attrs: { value_ints: attr.ints([4, 5, 6]) }, inputs: [], outputs: [t('int64', [3], [4, 5, 6])] },
  { name: 'constant value_string', op: 'Constant', attrs: { value_string: attr.string('hi') }, inputs: [], outputs: [t('string', [], ['hi'])] },
  { name: 'constant value_strings', op: 'Constant', attrs: { value_strings: attr.strings(['a', 'b']) }, inputs: [], outputs: [t('string', [2], ['a', 'b'])] },
  {
    name: 'constant sparse_value (densified by the loader)',
    op: 'Constant',
    attrs: { sparse_value: { type: 'sparse_tensor', value: new Tensor('float32', [3], Float32Array.of(0, 2, 0)) } },
    inputs: [],
    outputs: [t('float32', [3], [0, 2, 0])],
  },
  { name: 'constant with two values', op: 'Constant', attrs: { value_int: attr.int(1), value_float: attr.float(1) }, inputs: [], throws: 'E_ATTR' },
  { name: 'constant with no value', op: 'Constant', inputs: [], throws: 'E_ATTR' },
];
