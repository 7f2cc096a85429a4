/**
 * Upsample and Resize.
 *   Upsample-9:  `scales` moves from an attribute to the second input.
 *   Resize-10:   Upsample is deprecated; Resize-10 is the same op (X, scales) under another name.
 *   Resize-11:   inputs become (X, roi, scales, sizes) and the sampling is spelled out by attributes. Resize-10
 *                meant asymmetric coordinates and, for nearest, floor when enlarging and ceil when shrinking:
 *                that is one nearest_mode only when every scale is ≥ 1 (floor) or every scale ≤ 1 (ceil), which
 *                needs the scales as a constant; anything else is refused.
 *   Resize-13:   'tf_half_pixel_for_nn' is gone; refused. (18 and 19 only add attributes with the old defaults.)
 */
import { float32Tensor, toNumbers } from '../../ir/tensor';
import { setInput, stringAttr, takeAttr, type UpgradeRule } from './rule';

const str = (value: string) => ({ type: 'string' as const, value });

export const resizeRules: UpgradeRule[] = [
  {
    op: 'Upsample',
    at: 9,
    apply(node, ctx) {
      const scales = takeAttr(node, 'scales');
      if (scales?.type !== 'floats') throw ctx.refuse(node, "Upsample-7 needs a 'scales' attribute");
      setInput(node, 1, ctx.constant(`${node.name || 'upsample'}_scales`, float32Tensor(scales.value, [scales.value.length])));
      return [node];
    },
  },
  { op: 'Upsample', at: 10, apply: (node) => [{ ...node, op: 'Resize' }] },
  {
    op: 'Resize',
    at: 11,
    apply(node, ctx) {
      const mode = stringAttr(node, 'mode', 'nearest');
      node.attributes.coordinate_transformation_mode = str('asymmetric');
      if (mode === 'nearest') {
        const t = ctx.constantOf(node.inputs[1] ?? '');
        if (!t) throw ctx.refuse(node, 'its scales are not a constant, so the nearest rounding of Resize-10 (floor up, ceil down) cannot be fixed to one nearest_mode');
        const s = Array.from(toNumbers(t), Number);
        if (s.every((v) => v >= 1)) node.attributes.nearest_mode = str('floor');
        else if (s.every((v) => v <= 1)) node.attributes.nearest_mode = str('ceil');
        else throw ctx.refuse(node, `it enlarges some axes and shrinks others (scales ${s.join(', ')}); Resize-10 rounds those differently and Resize-11 has one nearest_mode`);
      }
      const roi = ctx.constant(`${node.name || 'resize'}_roi`, float32Tensor([], [0]));
      node.inputs = [node.inputs[0]!, roi, node.inputs[1]!];
      return [node];
    },
  },
  {
    op: 'Resize',
    at: 13,
    apply(node, ctx) {
      if (stringAttr(node, 'coordinate_transformation_mode', '') === 'tf_half_pixel_for_nn') throw ctx.refuse(node, "coordinate_transformation_mode 'tf_half_pixel_for_nn' was removed at opset 13");
      return [node];
    },
  },
];
