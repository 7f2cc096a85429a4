import { defineOp } from './schema';
import { FLOATS } from './_types';

// RoiAlign-10 (pixel model 'output_half_pixel') and 16 (coordinate_transformation_mode, default 'half_pixel').
export default defineOp({
  op: 'RoiAlign',
  sinceVersion: 10,
  versions: [10, 16], types: { T1: FLOATS, T2: ['int64'] },
  inputs: [{ name: 'X', type: 'T1' }, { name: 'rois', type: 'T1' }, { name: 'batch_indices', type: 'T2' }],
  outputs: [{ name: 'Y', type: 'T1' }],
  attributes: {
    coordinate_transformation_mode: { type: 'string', default: 'half_pixel' },
    mode: { type: 'string', default: 'avg' },
    output_height: { type: 'int', default: 1 },
    output_width: { type: 'int', default: 1 },
    sampling_ratio: { type: 'int', default: 0 },
    spatial_scale: { type: 'float', default: 1 },
  },
  infer(ctx) {
    const [x, rois] = ctx.inputs;
    const shape = x?.shape && rois?.shape ? [rois.shape[0]!, x.shape[1]!, ctx.attr<number>('output_height'), ctx.attr<number>('output_width')] : undefined;
    return [{ dtype: x?.dtype, shape }];
  },
});
