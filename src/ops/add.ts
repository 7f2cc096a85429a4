import { CONSUMED_INPUTS, defineBinaryOp, LEGACY_BROADCAST } from './_elementwise';

// Addition. Add-1/6 had legacy `broadcast`/`axis` attributes (and `consumed_inputs` in Add-1); numpy broadcasting from opset 7.
export default defineBinaryOp('Add', {
  sinceVersion: 1,
  untilVersion: 14,
  attributes: { ...LEGACY_BROADCAST, ...CONSUMED_INPUTS },
});
