/**
 * The pipeline: every pass, in the order it runs. `-On` runs the passes whose level is ≤ n; each pass file
 * states its own name and level, so this list is the only thing to edit when a pass is added.
 *   -O0  inline-functions → expand-gradient (needed to run at all: backends see only primitive ops)
 *   -O1  + fold-constants → eliminate-identity → eliminate-dead-code
 *   -O2  + fold-batchnorm-into-conv → fuse-matmul-add → fuse-layer-norm → fuse-gelu → eliminate-dead-code
 *        (sweeps the replaced weights and constants)
 *   -O3  = -O2 for now (layout/memory planning choices are not written yet)
 * Every pass is pure and returns the same model when it changes nothing, so `optimize` does too.
 */
import type { Model } from '../ir/graph';
import { eliminateDeadCode } from './eliminate-dead-code';
import { eliminateIdentity } from './eliminate-identity';
import { expandGradients } from './expand-gradient';
import { foldBatchNormIntoConv } from './fold-batchnorm-into-conv';
import { foldConstants } from './fold-constants';
import { fuseGelu } from './fuse-gelu';
import { fuseLayerNorm } from './fuse-layer-norm';
import { fuseMatMulAdd } from './fuse-matmul-add';
import { inlineFunctions } from './inline-functions';
import type { OptLevel, Pass } from './pass';

export type { OptLevel } from './pass';

export const PASSES: readonly Pass[] = [
  inlineFunctions,
  expandGradients,
  foldConstants,
  eliminateIdentity,
  eliminateDeadCode,
  foldBatchNormIntoConv,
  fuseMatMulAdd,
  fuseLayerNorm,
  fuseGelu,
  // The one pass listed twice: at -O2 it runs again to drop the weights the -O2 rewrites replaced.
  { ...eliminateDeadCode, level: 2 },
];

interface OptimizeOptions {
  /** Called after each pass that ran (tests run the verifier here). */
  afterPass?(pass: Pass, model: Model): void;
}

export function optimize(model: Model, level: OptLevel, options: OptimizeOptions = {}): Model {
  let m = model;
  for (const pass of PASSES) {
    if (pass.level > level) continue;
    m = pass.run(m);
    options.afterPass?.(pass, m);
  }
  return m;
}
