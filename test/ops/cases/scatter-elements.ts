import { attr, t, type OpCase } from '../op-case';

const zeros = t('float32', [3, 3], [0, 0, 0, 0, 0, 0, 0, 0, 0]);

export const cases: OpCase[] = [
  {
    // spec example: indices [[1,0,2],[0,2,1]], updates [[1,1.1,1.2],[2,2.1,2.2]], axis 0
    name: 'scatter elements axis 0',
    op: 'ScatterElements',
    inputs: [zeros, t('int64', [2, 3], [1, 0, 2, 0, 2, 1]), t('float32', [2, 3], [1, 1.1, 1.2, 2, 2.1, 2.2])],
    outputs: [t('float32', [3, 3], [2, 1.1, 0, 1, 0, 2.2, 0, 2.1, 1.2])],
  },
  {
    name: 'scatter elements axis 1 negative index',
    op: 'ScatterElements',
    attrs: { axis: attr.int(1) },
    inputs: [t('int64', [1, 5], [1, 2, 3, 4, 5]), t('int64', [1, 2], [1, -2]), t('int64', [1, 2], [11, 21])],
    outputs: [t('int64', [1, 5], [1, 11, 3, 21, 5])],
  },
  {
    name: 'scatter elements reduction add with duplicates (opset 16)',
    op: 'ScatterElements',
    opset: 16,
    attrs: { axis: attr.int(1), reduction: attr.string('add') },
    inputs: [t('float32', [1, 5], [1, 2, 3, 4, 5]), t('int64', [1, 2], [1, 1]), t('float32', [1, 2], [1.1, 2.1])],
    outputs: [t('float32', [1, 5], [1, 5.2, 3, 4, 5])],
  },
  {
    name: 'scatter elements reduction mul, int64',
    op: 'ScatterElements',
    opset: 16,
    attrs: { reduction: attr.string('mul') },
    inputs: [t('int64', [3], [2, 3, 4]), t('int64', [2], [0, 0]), t('int64', [2], [5, 7])],
    outputs: [t('int64', [3], [70, 3, 4])],
  },
  {
    name: 'scatter elements reduction max and min (opset 18)',
    op: 'ScatterElements',
    opset: 18,
    attrs: { reduction: attr.string('max') },
    inputs: [t('float16', [3], [1, 5, 3]), t('int64', [3], [0, 1, 2]), t('float16', [3], [2, 4, 3])],
    outputs: [t('float16', [3], [2, 5, 3])],
  },
  {
    name: 'scatter elements reduction min (opset 18)',
    op: 'ScatterElements',
    opset: 18,
    attrs: { reduction: attr.string('min') },
    inputs: [t('int32', [3], [1, 5, 3]), t('int64', [3], [0, 1, 1]), t('int32', [3], [2, 4, 9])],
    outputs: [t('int32', [3], [1, 4, 3])],
  },
  { name: 'scatter elements strings', op: 'ScatterElements', inputs: [t('string', [2], ['a', 'b']), t('int64', [1], [1]), t('string', [1], ['z'])], outputs: [t('string', [2], ['a', 'z'])] },
  {
    name: 'scatter elements max before opset 18',
    op: 'ScatterElements',
    opset: 16,
    attrs: { reduction: attr.string('max') },
    inputs: [t('float32', [1], [1]), t('int64', [1], [0]), t('float32', [1], [2])],
    throws: 'E_UNSUPPORTED_ATTR',
  },
];
