/**
 * The optimization pipeline: the passes of each -O level, run in order.
 *   -O0  nothing (prepareModel's inlining/expansion is needed to run at all, not an optimization)
 *   -O1  fold-constants → eliminate-identity → eliminate-dead-code
 *   -O2  -O1, then fold-batchnorm-into-conv → fuse-matmul-add → eliminate-dead-code (sweeps the old weights)
 *   -O3  = -O2 for now (layout/memory planning choices are not written yet)
 * Every pass is pure and returns the same model when it changes nothing, so `optimize` does too.
 */
import type { Model } from '../ir/graph';
import { eliminateDeadCode } from './eliminate-dead-code';
import { eliminateIdentity } from './eliminate-identity';
import { foldBatchNormIntoConv } from './fold-batchnorm-into-conv';
import { foldConstants } from './fold-constants';
import { fuseMatMulAdd } from './fuse-matmul-add';

export type OptLevel = 0 | 1 | 2 | 3;

export interface Pass {
  name: string;
  level: OptLevel;
  run(model: Model): Model;
}

export const PASSES: readonly Pass[] = [
  { name: 'fold-constants', level: 1, run: foldConstants },
  { name: 'eliminate-identity', level: 1, run: eliminateIdentity },
  { name: 'eliminate-dead-code', level: 1, run: eliminateDeadCode },
  { name: 'fold-batchnorm-into-conv', level: 2, run: foldBatchNormIntoConv },
  { name: 'fuse-matmul-add', level: 2, run: fuseMatMulAdd },
  { name: 'eliminate-dead-code', level: 2, run: eliminateDeadCode },
];

export interface OptimizeOptions {
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
