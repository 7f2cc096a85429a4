import { defineOp } from './schema';

// NonMaxSuppression-10/11: selected_indices int64 [num_selected, 3] of (batch, class, box). 11 only widened
// the spec text (flipped corners are allowed); the semantics implemented here cover both.
export default defineOp({
  op: 'NonMaxSuppression',
  sinceVersion: 10,
  versions: [10, 11], types: {  },
  inputs: [
    { name: 'boxes', type: 'float32' },
    { name: 'scores', type: 'float32' },
    { name: 'max_output_boxes_per_class', type: 'int64', optional: true },
    { name: 'iou_threshold', type: 'float32', optional: true },
    { name: 'score_threshold', type: 'float32', optional: true },
  ],
  outputs: [{ name: 'selected_indices', type: 'int64' }],
  attributes: { center_point_box: { type: 'int', default: 0 } },
  infer: () => [{ dtype: 'int64', shape: ['?', 3] }],
});
