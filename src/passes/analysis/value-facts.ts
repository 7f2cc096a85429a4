/**
 * What the passes know about each value of the top-level graph: dtype and shape (dims may be symbolic), from
 * the declared input/value_info types, the initializers and each op schema's `infer` (infer-values.ts, best
 * effort and without evaluating anything: an op that cannot be inferred leaves its outputs unknown).
 */
import type { Dim, Model } from '../../ir/graph';
import { inferValues, type ValueFact } from './infer-values';

export { type ValueFact } from './infer-values';

export function valueFacts(model: Model): Map<string, ValueFact> {
  return inferValues(model).facts;
}

/** Two shapes provably equal: same rank, each dim the same number or the same named symbol ('?' is unknown). */
export function sameShape(a: Dim[] | undefined, b: Dim[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((d, i) => d === b[i] && d !== '?' && d !== '');
}
