import { defineOp } from './registry';

// NonMaxSuppression-10/11: selected_indices int64 [num_selected, 3] of (batch, class, box). 11 only widened
// the spec text (flipped corners are allowed); the semantics implemented here cover both.
export default defineOp({
  op: 'NonMaxSuppression',
  sinceVersion: 10,
  untilVersion: 21,
  inputs: [
    { name: 'boxes' },
    { name: 'scores' },
    { name: 'max_output_boxes_per_class', optional: true },
    { name: 'iou_threshold', optional: true },
    { name: 'score_threshold', optional: true },
  ],
  outputs: [{ name: 'selected_indices' }],
  attributes: { center_point_box: { type: 'int', default: 0 } },
  infer: () => [{ dtype: 'int64', shape: ['?', 3] }],
});
