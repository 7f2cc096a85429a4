import { dtypeFromCode } from './_random';
import { defineOp } from './schema';
import { FLOATS, INDEX } from './_types';

// Multinomial-7/22: `sample_size` class indices per row of [batch, class_size] unnormalized
// log-probabilities, as int32 (default) or int64.
export default defineOp({
  op: 'Multinomial',
  sinceVersion: 7,
  versions: [7], types: { T1: FLOATS, T2: INDEX },
  inputs: [{ name: 'input', type: 'T1' }],
  outputs: [{ name: 'output', type: 'T2' }],
  attributes: { dtype: { type: 'int', default: 6 }, sample_size: { type: 'int', default: 1 }, seed: { type: 'float' } },
  infer: (ctx) => {
    const x = ctx.inputs[0];
    const dtype = dtypeFromCode(ctx.node, ctx.attr<number>('dtype'), 'int32', ['int32', 'int64']);
    return [{ dtype, shape: x?.shape ? [x.shape[0]!, ctx.attr<number>('sample_size')] : undefined }];
  },
});
