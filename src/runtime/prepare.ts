import type { Model } from '../ir/graph';
import { verifyModel } from '../ir/verifier';
import { expandGradients } from '../passes/expand-gradient';
import { inlineFunctions } from '../passes/inline-functions';

/**
 * What every model goes through before it runs: model-local ONNX functions inlined and Gradient nodes
 * expanded (backends see only primitive ops), then the structural verifier. Returns the same model when
 * there is nothing to rewrite.
 */
export function prepareModel(model: Model): Model {
  // `hodu run` prepares before estimating memory, then runModel prepares again: do the work once.
  if (preparedModels.has(model)) return model;
  const prepared = expandGradients(inlineFunctions(model));
  verifyModel(prepared);
  preparedModels.add(prepared);
  return prepared;
}

const preparedModels = new WeakSet<Model>();
