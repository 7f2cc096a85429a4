import type { Dim } from '../ir/graph';
import { nodeError } from '../ir/node-error';
import type { NodeRef } from '../ir/node-label';
import { defineOp } from './schema';
import { NUMERIC_BUT_BF16 } from './_types';

interface EinsumPlan {
  /** Per operand, one label per dim ('…' dims become private labels '0', '1', … counted from the right). */
  terms: string[][];
  output: string[];
}

const ELLIPSIS = '...';

/** Parses an einsum equation against the operand ranks (numpy rules: implicit output, ellipsis broadcasting). */
export function planEinsum(equation: string, ranks: number[], node: NodeRef): EinsumPlan {
  const eq = equation.replace(/\s+/g, '');
  const [lhs, rhs] = eq.includes('->') ? eq.split('->') as [string, string] : [eq, undefined];
  const rawTerms = lhs.split(',');
  if (rawTerms.length !== ranks.length) {
    throw nodeError(node, 'E_ATTR', `equation '${equation}' has ${rawTerms.length} operands, got ${ranks.length} inputs`);
  }
  let ellipsisRank = 0;
  const terms = rawTerms.map((term, i) => {
    const letters = term.replace(ELLIPSIS, '');
    if (!/^[a-zA-Z]*$/.test(letters) || term.split(ELLIPSIS).length > 2) {
      throw nodeError(node, 'E_ATTR', `bad einsum term '${term}' in '${equation}'`);
    }
    const hasEllipsis = term.includes(ELLIPSIS);
    const extra = ranks[i]! - letters.length;
    if (extra < 0 || (extra > 0 && !hasEllipsis)) {
      throw nodeError(node, 'E_SHAPE', `term '${term}' does not match input ${i} of rank ${ranks[i]}`);
    }
    ellipsisRank = Math.max(ellipsisRank, extra);
    const [before, after] = hasEllipsis ? term.split(ELLIPSIS) as [string, string] : [term, ''];
    // Ellipsis dims are right-aligned across operands (broadcasting), hence labels counted from the right.
    const ell = Array.from({ length: extra }, (_, k) => String(extra - 1 - k));
    return [...before, ...ell, ...after];
  });
  const ellLabels = Array.from({ length: ellipsisRank }, (_, k) => String(ellipsisRank - 1 - k));
  let output: string[];
  if (rhs === undefined) {
    const counts = new Map<string, number>();
    for (const t of terms) for (const l of t) if (/[a-zA-Z]/.test(l)) counts.set(l, (counts.get(l) ?? 0) + 1);
    output = [...ellLabels, ...[...counts].filter(([, c]) => c === 1).map(([l]) => l).sort()];
  } else {
    if (!/^[a-zA-Z]*$/.test(rhs.replace(ELLIPSIS, ''))) throw nodeError(node, 'E_ATTR', `bad einsum output '${rhs}'`);
    const [before, after] = rhs.includes(ELLIPSIS) ? rhs.split(ELLIPSIS) as [string, string] : [rhs, ''];
    output = [...before, ...(rhs.includes(ELLIPSIS) ? ellLabels : []), ...after];
    const known = new Set(terms.flat());
    for (const l of output) if (!known.has(l)) throw nodeError(node, 'E_ATTR', `output label '${l}' is not in any input`);
    if (new Set(output).size !== output.length) throw nodeError(node, 'E_ATTR', `output '${rhs}' repeats a label`);
  }
  return { terms, output };
}

/** Size of each label across operands (1 broadcasts); `undefined` entries are unknown (symbolic). */
export function labelSizes(plan: EinsumPlan, shapes: Dim[][], node: NodeRef): Map<string, Dim> {
  const sizes = new Map<string, Dim>();
  plan.terms.forEach((term, i) => {
    term.forEach((l, k) => {
      const d = shapes[i]![k]!;
      const prev = sizes.get(l);
      if (prev === undefined || prev === 1) sizes.set(l, d);
      else if (d !== 1 && typeof d === 'number' && typeof prev === 'number' && d !== prev) {
        throw nodeError(node, 'E_SHAPE', `label '${l}' has sizes ${prev} and ${d}`);
      }
    });
  });
  return sizes;
}

// Einsum-12.
export default defineOp({
  op: 'Einsum',
  sinceVersion: 12,
  versions: [12], types: { T: NUMERIC_BUT_BF16 },
  inputs: [{ name: 'Inputs', type: 'T', variadic: true }],
  outputs: [{ name: 'Output', type: 'T' }],
  attributes: { equation: { type: 'string', required: true } },
  infer(ctx) {
    const ins = ctx.inputs;
    const dtype = ins[0]?.dtype;
    if (ins.some((i) => !i?.shape)) return [{ dtype }];
    const shapes = ins.map((i) => i!.shape!);
    const plan = planEinsum(ctx.attr<string>('equation'), shapes.map((s) => s.length), ctx.node);
    const sizes = labelSizes(plan, shapes, ctx.node);
    return [{ dtype, shape: plan.output.map((l) => sizes.get(l) ?? '?') }];
  },
});
