import { defineArgOp } from './_reduce';
import { NUMERIC } from './_types';

// Index of the largest element along `axis` (first one on ties, last one with select_last_index=1).
export default defineArgOp('ArgMax', { versions: [1, 11, 12, 13], types: { T: NUMERIC } });
