import { attr, t, type OpCase } from '../op-case';

const i64 = (v: number[]) => t('int64', [v.length], v);
const x = t('float32', [6], [2, 1, 1, 3, 4, 3]);
const op = 'Unique';

export const cases: OpCase[] = [
  {
    name: 'sorted without axis',
    op,
    inputs: [x],
    outputs: [t('float32', [4], [1, 2, 3, 4]), i64([1, 0, 3, 4]), i64([1, 0, 0, 2, 3, 2]), i64([2, 1, 2, 1])],
  },
  {
    name: 'first-occurrence order (sorted=0)',
    op,
    attrs: { sorted: attr.int(0) },
    inputs: [x],
    outputs: [t('float32', [4], [2, 1, 3, 4]), i64([0, 1, 3, 4]), i64([0, 1, 1, 2, 3, 2]), i64([1, 2, 2, 1])],
  },
  {
    name: 'rows along axis 0',
    op,
    attrs: { axis: attr.int(0) },
    inputs: [t('int32', [3, 3], [1, 0, 0, 1, 0, 0, 2, 3, 4])],
    outputs: [t('int32', [2, 3], [1, 0, 0, 2, 3, 4]), i64([0, 2]), i64([0, 0, 1]), i64([2, 1])],
  },
  {
    name: 'columns along axis -1 sort lexicographically',
    op,
    attrs: { axis: attr.int(-1) },
    // columns (2,5), (1,0), (2,5): (1,0) sorts first.
    inputs: [t('int64', [2, 3], [2, 1, 2, 5, 0, 5])],
    outputs: [t('int64', [2, 2], [1, 2, 0, 5]), i64([1, 0]), i64([1, 0, 1]), i64([1, 2])],
  },
  {
    name: 'strings',
    op,
    inputs: [t('string', [3], ['b', 'a', 'b'])],
    outputs: [t('string', [2], ['a', 'b']), i64([1, 0]), i64([1, 0, 1]), i64([1, 2])],
  },
  {
    name: 'float16 sorts by value, not by bit pattern',
    op,
    inputs: [t('float16', [3], [-1, 2, -1])],
    outputs: [t('float16', [2], [-1, 2]), i64([0, 1]), i64([0, 1, 0]), i64([2, 1])],
  },
  { name: 'axis out of range', op, attrs: { axis: attr.int(2) }, inputs: [x], throws: 'E_ATTR' },
];
