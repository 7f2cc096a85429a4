import { CONSUMED_INPUTS, defineBinaryOp, LEGACY_BROADCAST } from './_elementwise';

// Division (integers truncate toward zero). Div-1/6 had legacy `broadcast`/`axis` attributes (and `consumed_inputs` in Div-1); numpy broadcasting from opset 7.
export default defineBinaryOp('Div', {
  sinceVersion: 1,
  untilVersion: 14,
  attributes: { ...LEGACY_BROADCAST, ...CONSUMED_INPUTS },
});
