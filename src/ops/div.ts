import { CONSUMED_INPUTS, defineBinaryOp, LEGACY_BROADCAST } from './_elementwise';
import { NUMERIC } from './_types';

// Division (integers truncate toward zero). Div-1/6 had legacy `broadcast`/`axis` attributes (and `consumed_inputs` in Div-1); numpy broadcasting from opset 7.
export default defineBinaryOp('Div', {
  sinceVersion: 1,
  versions: [1, 6, 7, 13, 14], types: { T: NUMERIC },
  attributes: { ...LEGACY_BROADCAST, ...CONSUMED_INPUTS },
});
