import { attr, t, type OpCase } from '../op-case';

// x: [1, 4, 1, 2], channel c holds [10c, 10c+1].
const x = t('float32', [1, 4, 1, 2], [0, 1, 10, 11, 20, 21, 30, 31]);

export const cases: OpCase[] = [
  {
    // DCR: out[0, 0, h*2+i, w*2+j] = x[0, (i*2+j)*1 + 0, h, w]
    name: 'depth to space DCR',
    op: 'DepthToSpace',
    attrs: { blocksize: attr.int(2) },
    inputs: [x],
    outputs: [t('float32', [1, 1, 2, 4], [0, 10, 1, 11, 20, 30, 21, 31])],
  },
  {
    // CRD with C/b² = 1 gives the same channel order: out[.., h*2+i, w*2+j] = x[0, 0*4 + i*2 + j, h, w]
    name: 'depth to space CRD',
    op: 'DepthToSpace',
    attrs: { blocksize: attr.int(2), mode: attr.string('CRD') },
    inputs: [x],
    outputs: [t('float32', [1, 1, 2, 4], [0, 10, 1, 11, 20, 30, 21, 31])],
  },
  {
    // C=8, b=2 -> C'=2. DCR reads channel (i*2+j)*2 + c'; CRD reads c'*4 + i*2 + j. Each channel holds its number.
    name: 'depth to space DCR vs CRD with two output channels',
    op: 'DepthToSpace',
    attrs: { blocksize: attr.int(2), mode: attr.string('CRD') },
    inputs: [t('int64', [1, 8, 1, 1], [0, 1, 2, 3, 4, 5, 6, 7])],
    outputs: [t('int64', [1, 2, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7])],
  },
  {
    name: 'depth to space DCR with two output channels',
    op: 'DepthToSpace',
    attrs: { blocksize: attr.int(2) },
    inputs: [t('int64', [1, 8, 1, 1], [0, 1, 2, 3, 4, 5, 6, 7])],
    outputs: [t('int64', [1, 2, 2, 2], [0, 2, 4, 6, 1, 3, 5, 7])],
  },
  { name: 'depth to space channels not divisible', op: 'DepthToSpace', attrs: { blocksize: attr.int(2) }, inputs: [t('float32', [1, 2, 1, 1], [1, 2])], throws: 'E_SHAPE' },
];
