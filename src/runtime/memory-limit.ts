/**
 * The memory a run needs, checked against HODU_MAX_MEMORY / --max-memory / runtime.max_memory before the
 * backend allocates anything. With static shapes the estimate is the plan: weights + inputs + the peak of
 * the intermediates' arena (src/plan, reused memory as native backends lay it out) + outputs. When the
 * model cannot be planned (dynamic shapes, control flow) it falls back to weights + inputs + the sum of
 * every value whose shape the file declares, and says that it is a rough estimate.
 */
import { HoduError } from '../errors';
import { bytesPerElement } from '../ir/dtype';
import type { Model } from '../ir/graph';
import type { Tensor } from '../ir/tensor';
import { formatByteSize } from '../util/bytes-size';
import type { Setting } from './settings';

export interface MemoryEstimate {
  weights: number;
  inputs: number;
  /** Peak bytes of intermediate values live at once (planned), or their sum (fallback). */
  intermediates: number;
  outputs: number;
  total: number;
  /** True when derived from the static plan; false for the fallback sum. */
  planned: boolean;
  /** Why planning was not possible (fallback only). */
  reason?: string;
}

function tensorBytes(t: Tensor): number {
  if (t.dtype === 'string') return (t.data as string[]).reduce((a, s) => a + s.length, 0);
  return (t.data as ArrayLike<number> & { byteLength: number }).byteLength;
}

const staticBytes = (dtype: Tensor['dtype'], dims: readonly number[]) => dims.reduce((a, b) => a * b, 1) * bytesPerElement(dtype);

/** Estimates the bytes a run of `model` on `feeds` needs. */
export async function estimateRunMemory(model: Model, feeds: ReadonlyMap<string, Tensor>): Promise<MemoryEstimate> {
  let weights = 0;
  for (const t of model.graph.initializers.values()) weights += tensorBytes(t);
  let inputs = 0;
  for (const t of feeds.values()) inputs += tensorBytes(t);
  try {
    const { inferStaticGraph, planArena } = await import('../plan/index');
    const g = inferStaticGraph(model, new Map([...feeds].map(([name, t]) => [name, t.dims])));
    const outputNames = new Set(model.graph.outputs.map((o) => o.name));
    // Intermediates: written by a planned node, live until their last reader (arena.ts semantics).
    const items = new Map<string, { id: number; byteSize: number; firstStep: number; lastStep: number }>();
    let folded = 0;
    const countedConstants = new Set<string>();
    g.nodes.forEach(({ node }, step) => {
      for (const name of node.inputs) {
        const item = items.get(name);
        if (item) item.lastStep = step;
        const v = name ? g.values.get(name) : undefined;
        // Constants produced by folding are extra weights (initializers are counted already).
        if (v?.value && !model.graph.initializers.has(name) && !countedConstants.has(name)) {
          countedConstants.add(name);
          folded += tensorBytes(v.value);
        }
      }
      for (const name of node.outputs) {
        const v = name ? g.values.get(name) : undefined;
        if (!v || outputNames.has(name)) continue;
        items.set(name, { id: items.size, byteSize: staticBytes(v.dtype, v.dims), firstStep: step, lastStep: step });
      }
    });
    let outputs = 0;
    for (const name of outputNames) {
      const v = g.values.get(name);
      if (v) outputs += v.value ? tensorBytes(v.value) : staticBytes(v.dtype, v.dims);
    }
    const intermediates = planArena([...items.values()]).size;
    weights += folded;
    return { weights, inputs, intermediates, outputs, total: weights + inputs + intermediates + outputs, planned: true };
  } catch (e) {
    if (!(e instanceof HoduError) || e.code !== 'E_PLAN') throw e;
    let known = 0;
    for (const vi of [...model.graph.valueInfo, ...model.graph.outputs]) {
      const type = vi.type;
      if (type?.kind !== 'tensor' || !type.shape || type.shape.some((d) => typeof d !== 'number')) continue;
      known += staticBytes(type.dtype, type.shape as number[]);
    }
    return { weights, inputs, intermediates: known, outputs: 0, total: weights + inputs + known, planned: false, reason: e.message };
  }
}

/** Throws E_MEMORY_LIMIT when the estimate exceeds the limit (no limit: nothing to check). */
export function checkMemoryLimit(estimate: MemoryEstimate, limit: Setting<number | undefined>): void {
  if (limit.value === undefined || estimate.total <= limit.value) return;
  const parts = [`weights ${formatByteSize(estimate.weights)}`, `inputs ${formatByteSize(estimate.inputs)}`];
  if (estimate.planned) parts.push(`peak intermediates ${formatByteSize(estimate.intermediates)}`, `outputs ${formatByteSize(estimate.outputs)}`);
  else parts.push(`values with declared shapes ${formatByteSize(estimate.intermediates)}`);
  const how = estimate.planned ? 'about' : 'at least about';
  const note = estimate.planned ? '' : ' (a rough estimate: the model has dynamic shapes or control flow, so it could not be planned)';
  throw new HoduError('E_MEMORY_LIMIT', `run needs ${how} ${formatByteSize(estimate.total)} (${parts.join(' + ')}) but ${limit.from} is ${formatByteSize(limit.value)}${note}`, {
    hint: `raise the limit (--max-memory, HODU_MAX_MEMORY or runtime.max_memory in config.toml) or run on smaller inputs (--shape)`,
  });
}
