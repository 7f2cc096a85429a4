import { defineGlobalPool } from './_pool';
import { FLOATS } from './_types';

// Pools over all spatial dims at once: [N, C, D1...] -> [N, C, 1...].
export default defineGlobalPool('GlobalLpPool', { versions: [1, 2], types: { T: FLOATS } }, { p: { type: ['int', 'float'], default: 2 } });
