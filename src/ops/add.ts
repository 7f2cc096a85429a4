import { inferBroadcastSameType } from './infer-util';
import { defineOp } from './registry';

// Add-1/6 had legacy `broadcast`/`axis` attributes; from opset 7 on, numpy broadcasting.
export default defineOp({
  op: 'Add',
  sinceVersion: 1,
  untilVersion: 14,
  inputs: [{ name: 'A' }, { name: 'B' }],
  outputs: [{ name: 'C' }],
  attributes: {
    broadcast: { type: 'int', default: 0 },
    axis: { type: 'int' },
  },
  infer: inferBroadcastSameType,
});
