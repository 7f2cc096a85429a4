import { binary } from './elementwise';
import type { Builder } from './context';

// Max, Min: two inputs take Add's layout [rank, out_dims(rank), a_strides(rank), b_strides(rank)]; one input
// (a copy) or three and more (a kernel refuses them) take none.
export const variadicPair: Builder = (c) => (c.inputs.length === 2 ? binary(c) : []);
