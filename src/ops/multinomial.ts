import { dtypeFromCode } from './_random';
import { defineOp } from './registry';

// Multinomial-7/22: `sample_size` class indices per row of [batch, class_size] unnormalized
// log-probabilities, as int32 (default) or int64.
export default defineOp({
  op: 'Multinomial',
  sinceVersion: 7,
  untilVersion: 21,
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { dtype: { type: 'int', default: 6 }, sample_size: { type: 'int', default: 1 }, seed: { type: 'float' } },
  infer: (ctx) => {
    const x = ctx.inputs[0];
    const dtype = dtypeFromCode(ctx.node, ctx.attr<number>('dtype'), 'int32', ['int32', 'int64']);
    return [{ dtype, shape: x?.shape ? [x.shape[0]!, ctx.attr<number>('sample_size')] : undefined }];
  },
});
