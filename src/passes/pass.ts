import type { Model } from '../ir/graph';

/** -O level: 0 runs only what a model needs to run at all, 1–3 add optimizations (src/passes/pipeline.ts). */
export type OptLevel = 0 | 1 | 2 | 3;

/**
 * A pass describes itself: its name (for --verbose and tests), the lowest -O level that runs it, and the
 * rewrite. `run` is pure and returns the same model object when it changes nothing.
 */
export interface Pass {
  readonly name: string;
  readonly level: OptLevel;
  run(model: Model): Model;
}
