import { nodeError } from '../../../ir/node-error';
import { stridesOf } from '../../../ir/tensor';
import { transposePerm } from '../../../ops/transpose';
import { defineKernel, tensorInput } from '../kernel';
import { takeByIndex } from '../util/copy';
import { indexFromAxisTables } from '../util/indexing';

// Output axis a walks input axis perm[a]: out[i0..] = in[... i_a at position perm[a] ...].
export default defineKernel('Transpose', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const rank = x.rank;
  const perm = transposePerm(ctx.attr<number[] | undefined>('perm'), rank);
  if (perm.length !== rank || [...perm].sort((a, b) => a - b).some((v, i) => v !== i)) {
    throw nodeError(ctx.node, 'E_ATTR', `perm [${perm.join(',')}] is not a permutation of 0..${rank - 1}`);
  }
  const strides = stridesOf(x.dims);
  const outDims = perm.map((a) => x.dims[a]!);
  const tables = perm.map((a, i) => Int32Array.from({ length: outDims[i]! }, (_, k) => k * strides[a]!));
  return [takeByIndex(x, outDims, indexFromAxisTables(outDims, tables))];
});
