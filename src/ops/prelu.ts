import { inferSameAsInput } from './infer-util';
import { CONSUMED_INPUTS } from './_elementwise';
import { defineOp } from './registry';

// Y = X < 0 ? slope * X : X. Slope broadcasts unidirectionally to X from opset 7 (legacy rules before).
export default defineOp({
  op: 'PRelu',
  sinceVersion: 1,
  untilVersion: 16,
  inputs: [{ name: 'X' }, { name: 'slope' }],
  outputs: [{ name: 'Y' }],
  attributes: CONSUMED_INPUTS,
  // The slope broadcasts to X (never the other way), so Y always has X's shape.
  infer: inferSameAsInput,
});
