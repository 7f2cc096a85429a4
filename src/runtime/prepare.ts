import type { Model } from '../ir/graph';
import { verifyModel } from '../ir/verifier';
import { expandGradients } from '../passes/expand-gradient';
import { inlineFunctions } from '../passes/inline-functions';
import { optimize, type OptLevel } from '../passes/pipeline';

/**
 * What every model goes through before it runs: model-local ONNX functions inlined and Gradient nodes
 * expanded (backends see only primitive ops), the optimization passes of `optLevel` (src/passes/pipeline.ts),
 * then the structural verifier. Returns the same model when there is nothing to rewrite.
 */
export function prepareModel(model: Model, optLevel: OptLevel = 0): Model {
  // `hodu run` prepares before estimating memory, then runModel prepares again: do the work once.
  if (preparedModels.has(model)) return model;
  const prepared = optimize(expandGradients(inlineFunctions(model)), optLevel);
  verifyModel(prepared);
  preparedModels.add(prepared);
  return prepared;
}

const preparedModels = new WeakSet<Model>();
