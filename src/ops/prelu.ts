import { inferSameAsInput } from './infer-util';
import { CONSUMED_INPUTS } from './_elementwise';
import { defineOp } from './schema';
import { HIGH_PRECISION } from './_types';

// Y = X < 0 ? slope * X : X. Slope broadcasts unidirectionally to X from opset 7 (legacy rules before).
export default defineOp({
  op: 'PRelu',
  sinceVersion: 1,
  versions: [1, 6, 7, 9, 16], types: { T: HIGH_PRECISION },
  inputs: [{ name: 'X', type: 'T' }, { name: 'slope', type: 'T' }],
  outputs: [{ name: 'Y', type: 'T' }],
  attributes: CONSUMED_INPUTS,
  // The slope broadcasts to X (never the other way), so Y always has X's shape.
  infer: inferSameAsInput,
});
