import { defineArgOp } from './_reduce';

// Index of the smallest element along `axis` (first one on ties, last one with select_last_index=1).
export default defineArgOp('ArgMin');
