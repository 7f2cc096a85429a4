import { attr, t, type OpCase } from '../op-case';

const signal = t('float32', [1, 4, 1], [1, 2, 3, 4]);
const step = (n: number) => t('int64', [], [n]);

export const cases: OpCase[] = [
  {
    // Frames [1,2] and [3,4]; 2-point DFTs [a+b, a-b].
    name: 'frame_length input, no window, onesided',
    op: 'STFT',
    opset: 17,
    inputs: [signal, step(2), null, t('int64', [], [2])],
    outputs: [t('float32', [1, 2, 2, 2], [3, 0, -1, 0, 7, 0, -1, 0])],
  },
  {
    name: 'window [1, 0], step 1, two-sided',
    op: 'STFT',
    opset: 17,
    attrs: { onesided: attr.int(0) },
    inputs: [signal, step(1), t('float32', [2], [1, 0])],
    outputs: [t('float32', [1, 3, 2, 2], [1, 0, 1, 0, 2, 0, 2, 0, 3, 0, 3, 0])],
  },
  { name: 'window length differs from frame_length', op: 'STFT', opset: 17, inputs: [signal, step(1), t('float32', [3], [1, 1, 1]), t('int64', [], [2])], throws: 'E_SHAPE' },
];
