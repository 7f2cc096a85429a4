/**
 * `hodu run M --expect REF [--rtol R --atol A]`: the outputs against a reference file (.npz or .safetensors
 * keyed by output name; a single .npy for a one-output model), as a table on stdout (or "expect" in --json),
 * then an E_MISMATCH error (exit 1) when anything differs.
 */
import { extname } from 'node:path';
import { HoduError } from '../../errors';
import { loadTensorFile } from '../../formats/registry';
import type { Model } from '../../ir/graph';
import type { Tensor } from '../../ir/tensor';
import type { OutputsComparison } from '../../runtime/compare/compare-outputs';
import { mismatchSummary } from './compare-report';

/** Read before the run: a missing or unreadable reference must not cost a run first. */
export async function loadReference(path: string, model: Model): Promise<Map<string, Tensor>> {
  const tensors = await loadTensorFile(path);
  if (extname(path).toLowerCase() !== '.npy') return new Map(tensors);
  // A .npy holds one unnamed array (its key is the file name): it stands for the one output there is.
  const outputs = model.graph.outputs.map((o) => o.name);
  if (outputs.length !== 1) {
    throw new HoduError('E_USAGE', `--expect ${path}: a .npy holds one tensor, but the model has ${outputs.length} outputs`, { hint: 'save the reference as .npz keyed by output name, e.g. with `hodu run MODEL … --output ref.npz`' });
  }
  return new Map([[outputs[0]!, [...tensors.values()][0]!]]);
}

/** The error that ends a run whose outputs differ from what was expected (after the table or the JSON). */
/** `what`: the sentence's subject and verb, e.g. "outputs differ from ref.npz". */
export function mismatchError(comparison: OutputsComparison, what: string): HoduError {
  return new HoduError('E_MISMATCH', `${what}: ${mismatchSummary(comparison)}`, {
    hint: `the table shows each output; if the differences are rounding, loosen --rtol (now ${comparison.rtol}) or --atol (now ${comparison.atol})`,
  });
}
