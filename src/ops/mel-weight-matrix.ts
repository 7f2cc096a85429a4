import type { DType } from '../ir/dtype';
import { dtypeFromOnnx } from '../ir/dtype-codes';
import { nodeLabel } from '../ir/node-label';
import { defineOp } from './schema';
import { FLOATS_BF16, INDEX, NUMERIC } from './_types';

// MelWeightMatrix-17: [dft_length/2 + 1, num_mel_bins] triangular filter bank, in output_datatype.
export default defineOp({
  op: 'MelWeightMatrix',
  sinceVersion: 17,
  versions: [17], types: { T1: INDEX, T2: FLOATS_BF16, T3: NUMERIC },
  inputs: [{ name: 'num_mel_bins', type: 'T1' }, { name: 'dft_length', type: 'T1' }, { name: 'sample_rate', type: 'T1' }, { name: 'lower_edge_hertz', type: 'T2' }, { name: 'upper_edge_hertz', type: 'T2' }],
  outputs: [{ name: 'output', type: 'T3' }],
  attributes: { output_datatype: { type: 'int', default: 1 } },
  infer(ctx) {
    const dtype: DType = dtypeFromOnnx(ctx.attr<number>('output_datatype'), nodeLabel(ctx.node));
    const [bins, len] = [ctx.inputs[0]?.value, ctx.inputs[1]?.value];
    return [{ dtype, shape: [len ? Math.floor(Number(len.data[0]) / 2) + 1 : '?', bins ? Number(bins.data[0]) : '?'] }];
  },
});
