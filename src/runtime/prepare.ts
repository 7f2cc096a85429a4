import type { Model } from '../ir/graph';
import { verifyModel } from '../ir/verifier';
import type { OptLevel, Pass } from '../passes/pass';
import { optimize } from '../passes/pipeline';

declare const prepared: unique symbol;
/**
 * A model that went through prepareModel. Only a type (no runtime mark): it lets runModel say it takes a
 * prepared model, so a caller prepares once and cannot forget to.
 */
export type PreparedModel = Model & { readonly [prepared]: true };

/**
 * What every model goes through before it runs: the pipeline of `optLevel` (src/passes/pipeline.ts; level 0
 * inlines model-local functions and expands Gradient, which backends need), then the structural verifier.
 * Returns the same model object when there is nothing to rewrite. `afterPass` sees each pass's result
 * (`--dry-run` counts what each one changed).
 */
export function prepareModel(model: Model, optLevel: OptLevel = 0, options: { afterPass?(pass: Pass, model: Model): void } = {}): PreparedModel {
  const result = optimize(model, optLevel, options);
  verifyModel(result);
  return result as PreparedModel;
}
