/**
 * Which ops of a model a native library cannot run, judged by its kernel names alone. Kept apart from the
 * FFI binding so that backend selection can ask it of the kernel list recorded in plugins.json without
 * loading the library (or bun:ffi).
 */
import type { Model } from '../../ir/graph';
import { opId } from '../../ir/op-id';
import { planManifest } from '../../plan/plan-manifest';
import { kernelPrefix } from '../../sdk/kernel-names';
import type { DispatchManifest } from '../../sdk/manifest';

/** Ops of `model` without a kernel in `kernels`: planned steps whose kernel is missing, or (when the model cannot be planned yet) ops without any kernel of that op. */
export function nativeUnsupportedOps(model: Model, kernels: readonly string[]): string[] {
  const have = new Set(kernels);
  const opOf = new Map(model.graph.nodes.map((n) => [n.name, opId(n.domain, n.op)]));
  const missing = new Set<string>();
  let plan: DispatchManifest | undefined;
  try {
    plan = planManifest(model);
  } catch {
    plan = undefined; // dynamic input shapes: judge by op name only
  }
  if (plan) {
    for (const s of plan.steps) if (!have.has(s.kernel)) missing.add(opOf.get(s.node) ?? s.kernel);
  } else {
    for (const n of model.graph.nodes) {
      const prefix = `${kernelPrefix(n.op, n.domain)}_`;
      if (!kernels.some((k) => k.startsWith(prefix))) missing.add(opId(n.domain, n.op));
    }
  }
  return [...missing].sort();
}
