import type { DType } from '../ir/dtype';
import { dtypeFromOnnx } from '../ir/dtype-codes';
import { defineOp } from './registry';

// MelWeightMatrix-17: [dft_length/2 + 1, num_mel_bins] triangular filter bank, in output_datatype.
export default defineOp({
  op: 'MelWeightMatrix',
  sinceVersion: 17,
  untilVersion: 21,
  inputs: [{ name: 'num_mel_bins' }, { name: 'dft_length' }, { name: 'sample_rate' }, { name: 'lower_edge_hertz' }, { name: 'upper_edge_hertz' }],
  outputs: [{ name: 'output' }],
  attributes: { output_datatype: { type: 'int', default: 1 } },
  infer(ctx) {
    const dtype: DType = dtypeFromOnnx(ctx.attr<number>('output_datatype'), `MelWeightMatrix node '${ctx.node.name}'`);
    const [bins, len] = [ctx.inputs[0]?.value, ctx.inputs[1]?.value];
    return [{ dtype, shape: [len ? Math.floor(Number(len.data[0]) / 2) + 1 : '?', bins ? Number(bins.data[0]) : '?'] }];
  },
});
