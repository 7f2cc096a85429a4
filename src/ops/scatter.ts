import { inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import { ALL_BUT_BF16, INDEX } from './_types';

// Scatter-9 (deprecated at 11 for ScatterElements): ScatterElements without `reduction`.
export default defineOp({
  op: 'Scatter',
  sinceVersion: 9,
  untilVersion: 10,
  versions: [9, 11], types: { T: ALL_BUT_BF16, Tind: INDEX },
  inputs: [{ name: 'data', type: 'T' }, { name: 'indices', type: 'Tind' }, { name: 'updates', type: 'T' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { axis: { type: 'int', default: 0 } },
  infer: inferSameAsInput,
});
