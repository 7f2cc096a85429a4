import { inferSameAsInput } from './infer-util';
import { defineOp } from './schema';
import { ALL, INDEX } from './_types';

// ScatterElements-11/13/16 (reduction add, mul)/18 (max, min): a copy of data with
// out[indices[i][j]][j] = updates[i][j] (axis 0), combined per `reduction`.
export default defineOp({
  op: 'ScatterElements',
  sinceVersion: 11,
  versions: [11, 13, 16, 18], types: { T: ALL, Tind: INDEX },
  inputs: [{ name: 'data', type: 'T' }, { name: 'indices', type: 'Tind' }, { name: 'updates', type: 'T' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: { axis: { type: 'int', default: 0 }, reduction: { type: 'string', default: 'none' } },
  infer: inferSameAsInput,
});
