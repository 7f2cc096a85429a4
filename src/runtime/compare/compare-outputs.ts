/**
 * Compares a run's outputs with reference tensors by name (`--expect`, `--compare-backends`): every output
 * against the same-named reference; a reference entry with no output, or an output with no reference entry,
 * is a mismatch of its own.
 */
import type { Tensor } from '../../ir/tensor';
import { compareTensors, type TensorComparison, type Tolerance } from './compare-tensors';

export type OutputComparison =
  | ({ name: string; status: 'compared' } & TensorComparison)
  | { name: string; status: 'missing' | 'extra'; ok: false };

export interface OutputsComparison {
  ok: boolean;
  rtol: number;
  atol: number;
  outputs: OutputComparison[];
}

/**
 * `missing`: in the reference, not among the outputs; `extra`: an output the reference lacks. Outputs come in
 * the run's order, then the missing ones in the reference's order.
 */
export function compareOutputs(expected: ReadonlyMap<string, Tensor>, got: ReadonlyMap<string, Tensor>, tol: Tolerance): OutputsComparison {
  const outputs: OutputComparison[] = [];
  for (const [name, t] of got) {
    const ref = expected.get(name);
    outputs.push(ref ? { name, status: 'compared', ...compareTensors(ref, t, tol) } : { name, status: 'extra', ok: false });
  }
  for (const name of expected.keys()) if (!got.has(name)) outputs.push({ name, status: 'missing', ok: false });
  return { ok: outputs.every((o) => o.ok), rtol: tol.rtol, atol: tol.atol, outputs };
}
