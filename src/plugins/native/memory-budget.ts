/**
 * `--max-memory` for in-process native runs (the rest is src/runtime/memory-limit.ts). Such a run holds the
 * main thread, so nothing samples the RSS while it runs; but a native session allocates only when it plans a
 * shape set (the arena, its manifest copy, its input and output buffers; runs after that allocate nothing),
 * so each plan is checked here before the plugin's create: the RSS at that moment (every value made so far,
 * an interp partition's included) plus what the plan will allocate, against the limit of the run under way.
 */
import type { Setting } from '../../config/settings';
import { HoduError } from '../../errors';
import { formatByteSize } from '../../util/bytes-size';

/** The limit of the run under way (set by guardMemory until its run ends): native plans are checked against it. */
let activeLimit: Setting<number | undefined> | undefined;

/** Makes `limit` the one native plans are checked against; the returned function clears it. */
export function setNativeMemoryLimit(limit: Setting<number | undefined>): () => void {
  activeLimit = limit;
  return () => {
    if (activeLimit === limit) activeLimit = undefined;
  };
}

/**
 * Whether a run under way is bounded. A partitioned session then leaves If/Loop/Scan bodies to the interp's
 * worker thread, where the RSS can be sampled while they run, rather than running them in this thread.
 */
export function memoryLimitActive(): boolean {
  return activeLimit?.value !== undefined;
}

/**
 * Throws E_MEMORY_LIMIT when the process's RSS now plus `bytes` (what a native plan is about to allocate:
 * arena, manifest, input and output buffers, and `packed`: a plugin may keep one repacked copy of the weights
 * it multiplies with — backend-cpu packs Conv, MatMul/Gemm and LSTM/GRU weights into its micro-kernels'
 * panels at create — counted as the manifest's weight bytes; and `widened`: the float32 copies of float16
 * tensors for the kernels backend-cpu runs widened, widened-f16.ts) is over the limit of the run under way.
 * Called before create, so a refused plan allocates nothing.
 */
export function checkNativePlanMemory(bytes: { arena: number; manifest: number; io: number; packed: number; widened?: number }, plugin: string, rss = () => process.memoryUsage.rss()): void {
  const max = activeLimit?.value;
  if (max === undefined) return;
  const now = rss();
  const widened = bytes.widened ?? 0;
  const need = bytes.arena + bytes.manifest + bytes.io + bytes.packed + widened;
  if (now + need <= max) return;
  const parts = `arena ${formatByteSize(bytes.arena)} + manifest ${formatByteSize(bytes.manifest)} + input and output buffers ${formatByteSize(bytes.io)} + packed weights ${formatByteSize(bytes.packed)}${widened ? ` + float32 copies of float16 tensors ${formatByteSize(widened)}` : ''}`;
  throw new HoduError('E_MEMORY_LIMIT', `the run was stopped before backend '${plugin}' allocated its plan: hodu's memory (RSS) is ${formatByteSize(now)} and the plan needs ${formatByteSize(need)} more (${parts}), over ${activeLimit!.from} = ${formatByteSize(max)}`, {
    hint: 'raise the limit (--max-memory, HODU_MAX_MEMORY or runtime.max_memory in config.toml) or run on smaller inputs (--shape)',
  });
}
