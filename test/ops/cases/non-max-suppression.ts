import { attr, t, type OpCase } from '../op-case';

// box0 and box1 overlap with IoU 0.9/1.1 ≈ 0.82; box2 is far away.
const corners = t('float32', [1, 3, 4], [0, 0, 1, 1, 0, 0.1, 1, 1.1, 0, 10, 1, 11]);
const centers = t('float32', [1, 3, 4], [0.5, 0.5, 1, 1, 0.6, 0.5, 1, 1, 10.5, 0.5, 1, 1]);
const scores = t('float32', [1, 1, 3], [0.9, 0.95, 0.5]);
const max = (n: number) => t('int64', [1], [n]);
const f = (v: number) => t('float32', [1], [v]);

export const cases: OpCase[] = [
  {
    name: 'box1 wins, suppresses box0; box2 kept',
    op: 'NonMaxSuppression',
    opset: 11,
    inputs: [corners, scores, max(3), f(0.5), f(0)],
    outputs: [t('int64', [2, 3], [0, 0, 1, 0, 0, 2])],
  },
  {
    name: 'center_point_box = 1',
    op: 'NonMaxSuppression',
    opset: 11,
    attrs: { center_point_box: attr.int(1) },
    inputs: [centers, scores, max(3), f(0.5), f(0)],
    outputs: [t('int64', [2, 3], [0, 0, 1, 0, 0, 2])],
  },
  {
    name: 'flipped corners are the same boxes',
    op: 'NonMaxSuppression',
    opset: 11,
    inputs: [t('float32', [1, 3, 4], [1, 1, 0, 0, 1, 1.1, 0, 0.1, 1, 11, 0, 10]), scores, max(3), f(0.5), f(0)],
    outputs: [t('int64', [2, 3], [0, 0, 1, 0, 0, 2])],
  },
  {
    name: 'score_threshold drops box2, limit 1 per class, two classes',
    op: 'NonMaxSuppression',
    opset: 10,
    inputs: [corners, t('float32', [1, 2, 3], [0.9, 0.95, 0.5, 0.1, 0.2, 0.7]), max(1), f(0.5), f(0.6)],
    outputs: [t('int64', [2, 3], [0, 0, 1, 0, 1, 2])],
  },
  {
    name: 'iou_threshold 0.9 keeps both overlapping boxes',
    op: 'NonMaxSuppression',
    opset: 11,
    inputs: [corners, scores, max(5), f(0.9)],
    outputs: [t('int64', [3, 3], [0, 0, 1, 0, 0, 0, 0, 0, 2])],
  },
  {
    name: 'max_output_boxes_per_class omitted selects nothing',
    op: 'NonMaxSuppression',
    opset: 11,
    inputs: [corners, scores],
    outputs: [t('int64', [0, 3], [])],
  },
  { name: 'iou_threshold above 1', op: 'NonMaxSuppression', opset: 11, inputs: [corners, scores, max(3), f(1.5)], throws: 'E_INPUT' },
  { name: 'boxes not [B,N,4]', op: 'NonMaxSuppression', opset: 11, inputs: [t('float32', [1, 4], [0, 0, 1, 1]), scores, max(3)], throws: 'E_SHAPE' },
];
