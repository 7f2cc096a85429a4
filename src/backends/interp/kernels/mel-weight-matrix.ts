import { dtypeFromOnnx } from '../../../ir/dtype-codes';
import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { fromNumbers, toNumbers } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';

const hzToMel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
const melToHz = (mel: number) => 700 * (10 ** (mel / 2595) - 1);

// The ONNX reference's construction (which onnxruntime shares): num_mel_bins + 2 edge points evenly spaced in
// mel — note the step is (high - low) / (num_mel_bins + 2) — mapped to spectrogram bins
// floor((dft_length + 1)·hz / sample_rate); filter i rises from edge i to edge i+1 and falls to edge i+2.
export default defineKernel('MelWeightMatrix', (inputs, ctx) => {
  const scalar = (i: number) => Number(toNumbers(tensorInput(inputs, i, ctx))[0]);
  const [melBins, dftLength, sampleRate, lowHz, highHz] = [0, 1, 2, 3, 4].map(scalar) as [number, number, number, number, number];
  if (!(melBins >= 1) || !(dftLength >= 1) || !(sampleRate > 0) || !(lowHz >= 0) || !(highHz > lowHz)) {
    throw nodeError(ctx.node, 'E_INPUT', 'need num_mel_bins, dft_length > 0 and 0 <= lower_edge_hertz < upper_edge_hertz, ' +
      `got ${melBins}, ${dftLength}, ${sampleRate}, ${lowHz}, ${highHz}`);
  }
  const dtype = dtypeFromOnnx(ctx.attr<number>('output_datatype'), nodeLabel(ctx.node));
  const specBins = Math.floor(dftLength / 2) + 1;
  const lowMel = hzToMel(lowHz);
  const step = (hzToMel(highHz) - lowMel) / (melBins + 2);
  const edges = Array.from({ length: melBins + 2 }, (_, i) => Math.floor(((dftLength + 1) * melToHz(i * step + lowMel)) / sampleRate));
  const out = new Float64Array(specBins * melBins);
  const set = (row: number, col: number, v: number) => {
    if (row >= 0 && row < specBins) out[row * melBins + col] = v;
  };
  for (let i = 0; i < melBins; i++) {
    const [lo, center, hi] = [edges[i]!, edges[i + 1]!, edges[i + 2]!];
    if (center === lo) set(center, i, 1);
    else for (let j = lo; j <= center; j++) set(j, i, (j - lo) / (center - lo));
    for (let j = center; j < hi; j++) set(j, i, (hi - j) / (hi - center));
  }
  return [fromNumbers(dtype, [specBins, melBins], out)];
});
