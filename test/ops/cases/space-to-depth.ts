import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  {
    // Inverse of DepthToSpace DCR: out[0, (i*2+j)*C + c, h, w] = x[0, c, h*2+i, w*2+j]
    name: 'space to depth 1x1x2x4',
    op: 'SpaceToDepth',
    attrs: { blocksize: attr.int(2) },
    inputs: [t('float32', [1, 1, 2, 4], [0, 10, 1, 11, 20, 30, 21, 31])],
    outputs: [t('float32', [1, 4, 1, 2], [0, 1, 10, 11, 20, 21, 30, 31])],
  },
  {
    name: 'space to depth two channels',
    op: 'SpaceToDepth',
    attrs: { blocksize: attr.int(2) },
    inputs: [t('string', [1, 2, 2, 2], ['a0', 'a1', 'a2', 'a3', 'b0', 'b1', 'b2', 'b3'])],
    outputs: [t('string', [1, 8, 1, 1], ['a0', 'b0', 'a1', 'b1', 'a2', 'b2', 'a3', 'b3'])],
  },
  { name: 'space to depth H not divisible', op: 'SpaceToDepth', attrs: { blocksize: attr.int(2) }, inputs: [t('float32', [1, 1, 1, 2], [1, 2])], throws: 'E_SHAPE' },
];
