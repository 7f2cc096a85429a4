import { defineGlobalPool } from './_pool';
import { FLOATS } from './_types';

// Pools over all spatial dims at once: [N, C, D1...] -> [N, C, 1...].
export default defineGlobalPool('GlobalMaxPool', { versions: [1], types: { T: FLOATS } });
