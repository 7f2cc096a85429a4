import { attr, t, type OpCase } from '../op-case';

const eq = (e: string) => ({ equation: attr.string(e) });
const m23 = t('float32', [2, 3], [1, 2, 3, 4, 5, 6]);

export const cases: OpCase[] = [
  {
    name: 'matrix product ij,jk->ik',
    op: 'Einsum',
    opset: 12,
    attrs: eq('ij,jk->ik'),
    inputs: [m23, t('float32', [3, 2], [7, 8, 9, 10, 11, 12])],
    outputs: [t('float32', [2, 2], [58, 64, 139, 154])],
  },
  { name: 'transpose ij->ji', op: 'Einsum', attrs: eq('ij->ji'), inputs: [m23], outputs: [t('float32', [3, 2], [1, 4, 2, 5, 3, 6])] },
  { name: 'implicit output sorts free labels (ji gives ij order)', op: 'Einsum', attrs: eq('ji'), inputs: [m23], outputs: [t('float32', [3, 2], [1, 4, 2, 5, 3, 6])] },
  { name: 'sum of all ij->', op: 'Einsum', attrs: eq('ij->'), inputs: [m23], outputs: [t('float32', [], [21])] },
  { name: 'row sums ij->i', op: 'Einsum', attrs: eq('ij->i'), inputs: [m23], outputs: [t('float32', [2], [6, 15])] },
  {
    name: 'trace ii->',
    op: 'Einsum',
    attrs: eq('ii->'),
    inputs: [t('float32', [3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9])],
    outputs: [t('float32', [], [15])],
  },
  {
    name: 'diagonal ii->i',
    op: 'Einsum',
    attrs: eq('ii->i'),
    inputs: [t('float32', [3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9])],
    outputs: [t('float32', [3], [1, 5, 9])],
  },
  {
    name: 'inner product (implicit) i,i',
    op: 'Einsum',
    attrs: eq('i,i'),
    inputs: [t('float64', [3], [1, 2, 3]), t('float64', [3], [4, 5, 6])],
    outputs: [t('float64', [], [32])],
  },
  {
    name: 'outer product i,j->ij',
    op: 'Einsum',
    attrs: eq('i,j->ij'),
    inputs: [t('float32', [2], [1, 2]), t('float32', [3], [1, 10, 100])],
    outputs: [t('float32', [2, 3], [1, 10, 100, 2, 20, 200])],
  },
  {
    name: 'batched matmul with ellipsis ...ij,...jk->...ik',
    op: 'Einsum',
    attrs: eq('...ij,...jk->...ik'),
    inputs: [t('float32', [2, 1, 2], [1, 2, 3, 4]), t('float32', [2, 1], [1, 10])],
    outputs: [t('float32', [2, 1, 1], [21, 43])],
  },
  {
    name: 'batch diagonal ...ii->...i',
    op: 'Einsum',
    attrs: eq('...ii->...i'),
    inputs: [t('float32', [2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8])],
    outputs: [t('float32', [2, 2], [1, 4, 5, 8])],
  },
  {
    name: 'three operands i,ij,j->',
    op: 'Einsum',
    attrs: eq('i,ij,j->'),
    inputs: [t('int32', [2], [1, 2]), t('int32', [2, 2], [1, 2, 3, 4]), t('int32', [2], [1, 1])],
    outputs: [t('int32', [], [17])],
  },
  {
    name: 'label size mismatch',
    op: 'Einsum',
    attrs: eq('ij,jk->ik'),
    inputs: [m23, t('float32', [2, 2], [1, 2, 3, 4])],
    throws: 'E_SHAPE',
  },
  {
    name: 'operand count mismatch',
    op: 'Einsum',
    attrs: eq('ij,jk->ik'),
    inputs: [m23],
    throws: 'E_ATTR',
  },
];
