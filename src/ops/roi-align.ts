import { defineOp } from './registry';

// RoiAlign-10 (pixel model 'output_half_pixel') and 16 (coordinate_transformation_mode, default 'half_pixel').
export default defineOp({
  op: 'RoiAlign',
  sinceVersion: 10,
  untilVersion: 21,
  inputs: [{ name: 'X' }, { name: 'rois' }, { name: 'batch_indices' }],
  outputs: [{ name: 'Y' }],
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
