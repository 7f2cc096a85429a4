/**
 * `--max-memory` / HODU_MAX_MEMORY / runtime.max_memory bounds hodu's resident memory (RSS) during a run, in
 * two ways:
 *  - before the backend allocates anything, an estimate is checked: what the process holds already (the
 *    runtime, the loaded model, the inputs: its RSS now) + the backend's copy of the weights and inputs (the
 *    interp worker is sent one, a native backend a weights blob) + the peak of the intermediates + kernel
 *    scratch (Conv's im2col buffer) + the float32 copies backend-cpu makes of a float16 model's tensors for
 *    the kernels it runs widened (plugins/backend-cpu/src/widen-f16.c: a second arena twice the plan's, the
 *    float16 weights, inputs and outputs those kernels touch, widened-f16.ts) + the outputs. With static shapes the intermediates are the plan (the arena
 *    of src/plan, reused memory as native backends lay it out); when the model cannot be planned (control flow)
 *    they are the values whose shapes the file declares, and the estimate says it is rough;
 *  - while the run goes on, the RSS is sampled and the run is stopped once it is over the limit (garbage not
 *    yet collected and allocator slack count: the estimate cannot see them);
 *  - an in-process native run holds the main thread, so nothing samples while it runs. Its memory is known
 *    exactly when it is planned instead: a native session allocates once per shape set (the plan's arena,
 *    its manifest copy, its input and output buffers; runs after that allocate nothing), so each new plan is
 *    checked before the plugin's create, against the RSS at that moment (which holds every value made so far,
 *    an interp partition's included) plus what the plan will allocate (src/plugins/native/memory-budget.ts).
 */
import { HoduError } from '../errors';
import { bytesPerElement } from '../ir/dtype';
import type { Model, Node } from '../ir/graph';
import type { Tensor } from '../ir/tensor';
import type { StaticValue } from '../plan/static-shapes';
import { opToKernelName } from '../sdk/kernel-names';
import { formatByteSize } from '../util/bytes-size';
import type { Setting } from '../config/settings';

export interface MemoryEstimate {
  /** The process's resident memory when the estimate was made: the runtime, the loaded model, the inputs. */
  runtime: number;
  /** The weights as the backend holds them (its own copy). */
  weights: number;
  /** The inputs as the backend is handed them (a copy). */
  inputs: number;
  /** Peak bytes of intermediate values live at once (planned), or their sum (fallback). */
  intermediates: number;
  /** Kernel working memory beyond the tensors: the largest Conv im2col column buffer (planned only). */
  scratch: number;
  /** backend-cpu's float32 copies of float16 tensors for its widened kernels (planned only; 0 without float16). */
  widened: number;
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

/**
 * The im2col column buffer Conv needs, in bytes (f64), as src/backends/interp/util/gemm-conv.ts sizes it:
 * none for a 1×1 stride-1 Conv, one output row for a depthwise one, a slice of at most 2 MiB (or 64 output
 * positions) for 1-D/2-D, every output position for 3-D and up. The buffer is reused: the largest one counts.
 */
function convScratchBytes(x: readonly number[], w: readonly number[], y: readonly number[], group: number): number {
  const rows = (x[1]! / group) * sizeOf(w.slice(2));
  const outSize = sizeOf(y.slice(2));
  const flat = x.length <= 4;
  if (sizeOf(w.slice(2)) === 1 && outSize === sizeOf(x.slice(2))) return 0;
  if (x[1]! / group === 1 && flat) return outSize * 8;
  const slice = flat ? Math.min(outSize, Math.max(64, Math.floor((1 << 18) / rows / 8) * 8)) : outSize;
  return rows * slice * 8;
}

const sizeOf = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

/** A planned node as widened-f16.ts counts it: its kernel name (as plan-manifest.ts names it) and its values. */
function widenStep(node: Node, values: ReadonlyMap<string, StaticValue>, intermediates: ReadonlyMap<string, unknown>) {
  const present = [...node.inputs, ...node.outputs].filter((n) => n !== '');
  const value = (name: string) => {
    const v = values.get(name);
    return v && { key: name, dtype: v.dtype, intermediate: intermediates.has(name), byteSize: staticBytes(v.dtype, v.dims) };
  };
  let kernel = '';
  try {
    kernel = opToKernelName(node.op, present.map((n) => values.get(n)?.dtype ?? 'float32'), node.domain);
  } catch {
    // A value no kernel name can spell (a string tensor): no native step, nothing widened.
  }
  return { kernel, values: present.map(value) };
}

/**
 * Estimates the bytes a run of `model` on `feeds` needs. `runtime` is what the process holds already (the CLI
 * passes its RSS; 0 leaves it out).
 */
export async function estimateRunMemory(model: Model, feeds: ReadonlyMap<string, Tensor>, runtime = 0): Promise<MemoryEstimate> {
  let weights = 0;
  for (const t of model.graph.initializers.values()) weights += tensorBytes(t);
  let inputs = 0;
  for (const t of feeds.values()) inputs += tensorBytes(t);
  try {
    const { inferStaticGraph, planArena } = await import('../plan/index');
    const { nodeAttr } = await import('../ops/registry');
    const { widenedCopiesBytes } = await import('../plugins/native/widened-f16');
    const g = inferStaticGraph(model, new Map([...feeds].map(([name, t]) => [name, t.dims])));
    const outputNames = new Set(model.graph.outputs.map((o) => o.name));
    // Intermediates: written by a planned node, live until their last reader (arena.ts semantics).
    const items = new Map<string, { id: number; byteSize: number; firstStep: number; lastStep: number }>();
    let folded = 0;
    let scratch = 0;
    const countedConstants = new Set<string>();
    g.nodes.forEach(({ node }, step) => {
      const [x, w, y] = [node.inputs[0], node.inputs[1], node.outputs[0]].map((n) => (n ? g.values.get(n)?.dims : undefined));
      if (node.op === 'Conv' && x && w && y && x.length >= 3) {
        const group = nodeAttr<number>(node, 'group');
        scratch = Math.max(scratch, convScratchBytes(x, w, y, group));
      }
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
    const widened = widenedCopiesBytes(g.nodes.map(({ node }) => widenStep(node, g.values, items)), intermediates);
    weights += folded;
    return { runtime, weights, inputs, intermediates, scratch, widened, outputs, total: runtime + weights + inputs + intermediates + scratch + widened + outputs, planned: true };
  } catch (e) {
    if (!(e instanceof HoduError) || e.code !== 'E_PLAN') throw e;
    let known = 0;
    for (const vi of [...model.graph.valueInfo, ...model.graph.outputs]) {
      const type = vi.type;
      if (type?.kind !== 'tensor' || !type.shape || type.shape.some((d) => typeof d !== 'number')) continue;
      known += staticBytes(type.dtype, type.shape as number[]);
    }
    return { runtime, weights, inputs, intermediates: known, scratch: 0, widened: 0, outputs: 0, total: runtime + weights + inputs + known, planned: false, reason: e.message };
  }
}

/** Throws E_MEMORY_LIMIT when the estimate exceeds the limit (no limit: nothing to check). */
export function checkMemoryLimit(estimate: MemoryEstimate, limit: Setting<number | undefined>): void {
  if (limit.value === undefined || estimate.total <= limit.value) return;
  const parts = estimate.runtime ? [`hodu with the model loaded ${formatByteSize(estimate.runtime)}`] : [];
  parts.push(`weights ${formatByteSize(estimate.weights)}`, `inputs ${formatByteSize(estimate.inputs)}`);
  if (estimate.planned) {
    parts.push(`peak intermediates ${formatByteSize(estimate.intermediates)}`);
    if (estimate.scratch) parts.push(`kernel scratch ${formatByteSize(estimate.scratch)}`);
    if (estimate.widened) parts.push(`float32 copies of float16 tensors ${formatByteSize(estimate.widened)}`);
    parts.push(`outputs ${formatByteSize(estimate.outputs)}`);
  } else parts.push(`values with declared shapes ${formatByteSize(estimate.intermediates)}`);
  const how = estimate.planned ? 'about' : 'at least about';
  const note = estimate.planned ? '' : ' (a rough estimate: the model has dynamic shapes or control flow, so it could not be planned)';
  throw new HoduError('E_MEMORY_LIMIT', `run needs ${how} ${formatByteSize(estimate.total)} (${parts.join(' + ')}) but ${limit.from} is ${formatByteSize(limit.value)}${note}`, {
    hint: `raise the limit (--max-memory, HODU_MAX_MEMORY or runtime.max_memory in config.toml) or run on smaller inputs (--shape)`,
  });
}

/**
 * Runs `work` while sampling the process's resident memory every `everyMs`: once it is over the limit, the
 * returned promise fails with E_MEMORY_LIMIT and `stop` is called to end the run (the interp's worker thread).
 * Only a run that leaves the main thread free is watched this way (the interp in the CLI, `--isolate`).
 */
export async function runWithinMemoryLimit<T>(
  work: Promise<T>,
  limit: Setting<number | undefined>,
  opts: { stop(error: HoduError): void; estimate?: MemoryEstimate; rss?: () => number; everyMs?: number },
): Promise<T> {
  const max = limit.value;
  if (max === undefined) return work;
  const rss = opts.rss ?? (() => process.memoryUsage.rss());
  let timer: ReturnType<typeof setInterval> | undefined;
  const exceeded = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const now = rss();
      if (now <= max) return;
      clearInterval(timer);
      const planned = opts.estimate ? `; the estimate before the run was ${formatByteSize(opts.estimate.total)}${opts.estimate.planned ? '' : ' (rough)'}` : '';
      const error = new HoduError('E_MEMORY_LIMIT', `the run was stopped: hodu's memory (RSS) reached ${formatByteSize(now)} while running, over ${limit.from} = ${formatByteSize(max)}${planned}`, {
        hint: 'raise the limit (--max-memory, HODU_MAX_MEMORY or runtime.max_memory in config.toml) or run on smaller inputs (--shape)',
      });
      opts.stop(error);
      reject(error);
    }, opts.everyMs ?? 5);
    timer.unref?.();
  });
  try {
    return await Promise.race([work, exceeded]);
  } finally {
    clearInterval(timer);
  }
}

/**
 * The whole `--max-memory` check of a run: the estimate (with the process's RSS now) is checked before the
 * run, and the returned wrapper watches the run itself, stopping the interp's worker thread when over; native
 * plans made meanwhile are checked before they allocate (setNativeMemoryLimit).
 */
export async function guardMemory(model: Model, feeds: ReadonlyMap<string, Tensor>, limit: Setting<number | undefined>, debug: (line: string) => void): Promise<<T>(work: Promise<T>) => Promise<T>> {
  const estimate = await estimateRunMemory(model, feeds, process.memoryUsage.rss());
  debug(`memory estimate ${estimate.total} bytes (${estimate.planned ? 'planned' : 'rough'}; runtime ${estimate.runtime}, scratch ${estimate.scratch}, widened ${estimate.widened}), limit ${limit.value} from ${limit.from}`);
  checkMemoryLimit(estimate, limit);
  const stop = (e: HoduError) => void import('../backends/interp/worker/worker-session').then((m) => m.stopInterpWorker(e));
  // Set now: the run (and its native plans) may start before the returned wrapper is handed its promise.
  const { setNativeMemoryLimit } = await import('../plugins/native/memory-budget');
  const clear = setNativeMemoryLimit(limit);
  return async (work) => {
    try {
      return await runWithinMemoryLimit(work, limit, { estimate, stop });
    } finally {
      clear();
    }
  };
}
