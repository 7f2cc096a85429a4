import { attr, t, type OpCase } from '../op-case';

const i32 = (v: number) => t('int32', [], [v]);
const f32 = (v: number) => t('float32', [], [v]);

// 2 mel bins, dft 8, 8 kHz, 0..4000 Hz: mel step = 2595·log10(1 + 4000/700) / 4 ≈ 536.5; the 4 edges are
// 0, 426.8, 1113.8, 2219.6 Hz → bins floor(9·hz/8000) = [0, 0, 1, 2].
// Filter 0: edges 0,0,1 → row 0 = 1. Filter 1: edges 0,1,2 → rises 0→1 at rows 0..1, falls from row 1.
export const cases: OpCase[] = [
  {
    name: 'two filters over five spectrogram bins',
    op: 'MelWeightMatrix',
    opset: 17,
    inputs: [i32(2), i32(8), i32(8000), f32(0), f32(4000)],
    outputs: [t('float32', [5, 2], [1, 0, 0, 1, 0, 0, 0, 0, 0, 0])],
  },
  {
    name: 'float64 output_datatype',
    op: 'MelWeightMatrix',
    opset: 17,
    attrs: { output_datatype: attr.int(11) },
    inputs: [t('int64', [], [2]), t('int64', [], [8]), t('int64', [], [8000]), f32(0), f32(4000)],
    outputs: [t('float64', [5, 2], [1, 0, 0, 1, 0, 0, 0, 0, 0, 0])],
  },
  { name: 'upper edge below lower edge', op: 'MelWeightMatrix', opset: 17, inputs: [i32(2), i32(8), i32(8000), f32(100), f32(50)], throws: 'E_INPUT' },
];
