/**
 * Ops renamed or re-spelled without a change of meaning, and the changes hodu refuses to guess at.
 *   Scatter-11:     deprecated for ScatterElements, the same op.
 *   RoiAlign-16:    the new coordinate_transformation_mode defaults to half_pixel; the old behaviour is 'output_half_pixel'.
 *   GridSample-20:  mode 'bilinear'/'bicubic' are spelled 'linear'/'cubic'.
 *   Cast-6, Tile-6, LpPool-2: kept when the node already has the new form (int `to`, two inputs, integral p).
 */
import { refuseAt, stringAttr, type UpgradeRule } from './rule';

const GRID_MODES: Record<string, string> = { bilinear: 'linear', bicubic: 'cubic', nearest: 'nearest' };

export const renamedRules: UpgradeRule[] = [
  { op: 'Scatter', at: 11, apply: (node) => [{ ...node, op: 'ScatterElements' }] },
  {
    op: 'RoiAlign',
    at: 16,
    apply(node) {
      node.attributes.coordinate_transformation_mode ??= { type: 'string', value: 'output_half_pixel' };
      return [node];
    },
  },
  {
    op: 'GridSample',
    at: 20,
    apply(node, ctx) {
      const mode = stringAttr(node, 'mode', 'bilinear');
      const to = GRID_MODES[mode];
      if (!to) throw ctx.refuse(node, `unknown mode '${mode}'`);
      node.attributes.mode = { type: 'string', value: to };
      return [node];
    },
  },
  refuseAt('Scan', 9, 'Scan-8 has a batch axis and a sequence_lens input that Scan-9 does not'),
  refuseAt('GroupNormalization', 21, 'scale and bias change from per-group to per-channel'),
  refuseAt('DFT', 20, 'the axis moves from an attribute to an input and onesided/inverse interact with it'),
  {
    op: 'Cast',
    at: 6,
    apply: (node, ctx) => (node.attributes.to?.type === 'string' ? ctx.refuse(node, "Cast-1 names its target type as a string ('to'); Cast-6 by a type code") : [node]),
  },
  {
    op: 'Tile',
    at: 6,
    apply: (node, ctx) => (node.inputs.length > 2 ? ctx.refuse(node, 'Tile-1 takes tiles and axis as two scalar inputs; Tile-6 one repeats vector') : [node]),
  },
  {
    op: 'LpPool',
    at: 2,
    apply(node, ctx) {
      const p = node.attributes.p;
      if (p?.type === 'float') {
        if (!Number.isInteger(p.value)) throw ctx.refuse(node, `p=${p.value} is not an integer; LpPool-2 takes an int p`);
        node.attributes.p = { type: 'int', value: p.value };
      }
      return [node];
    },
  },
];
