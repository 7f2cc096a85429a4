import { defineGlobalPool } from './_pool';

// Pools over all spatial dims at once: [N, C, D1...] -> [N, C, 1...].
export default defineGlobalPool('GlobalMaxPool');
