import type { Model } from '../ir/graph';
import { verifyModel } from '../ir/verifier';
import { inlineFunctions } from '../passes/inline-functions';

/**
 * What every model goes through before it runs: model-local ONNX functions inlined (backends see only
 * primitive ops), then the structural verifier. Returns the same model when it has no functions.
 */
export function prepareModel(model: Model): Model {
  const prepared = inlineFunctions(model);
  verifyModel(prepared);
  return prepared;
}
