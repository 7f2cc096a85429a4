/**
 * `hodu run --dry-run`: everything a run decides before it computes, computed the same way and reported in one
 * object: the format plugin, the -O passes and what each changed, the backend choice (chooseBackend, as the
 * run calls it) and why every other candidate was passed over, the partition (dryPartition), the planned
 * memory (estimateRunMemory, the --max-memory estimate), what is cached, and whether the model can run at all:
 * the ops no backend has, the interp fallback included. No session is created and no node runs.
 */
import type { MemoryEstimate } from '../memory-limit';
import { extname } from 'node:path';
import { HoduError } from '../../errors';
import { feedInputs, type Model } from '../../ir/graph';
import { opId } from '../../ir/op-id';
import { subgraphsOf } from '../../ir/subgraphs';
import { Tensor } from '../../ir/tensor';
import type { OptLevel } from '../../passes/pass';
import { PASSES } from '../../passes/pipeline';
import type { BackendPlugin, RuntimeValue } from '../../sdk/backend';
import { kernelPrefix } from '../../sdk/kernel-names';
import { chooseBackend, loadBackend, reviewCandidates, type CandidateReview } from '../../backends/registry';
import { bindInputValues } from '../bind-inputs';
import type { DimBinding } from '../dim-bindings';
import type { FillSpec } from '../fill-spec';
import { prepareModel, type PreparedModel } from '../prepare';
import type { UseBackend } from '../run-model';
import { peekEmbeddedCpu, runCacheReport, type CacheReport } from './cache';
import { dryPartition, type DryPartitionReport } from './partition';
import { recordPassChanges, type PassChange } from './passes';

interface DryRunOptions {
  model: string;
  inputs: string[];
  shapes: Map<string, number[]>;
  /** --dim and --fill, bound as a run binds them (src/runtime/bind-inputs.ts). */
  dims?: readonly DimBinding[];
  fills?: readonly FillSpec[];
  seed: number;
  randomInputs: boolean;
  optLevel: OptLevel;
  backend?: string;
  backendFrom?: string;
  device: string;
  threads: { value: number; from: string; native: number };
  isolate?: boolean;
  /** --profile or --max-memory: bodies stay on the interp (session.ts says why). */
  bodiesOnInterp?: string;
  maxMemory?: number;
  /** A model built by `hodu build`: its graph of inputs and outputs, and its library as the backend. */
  built?: { model: PreparedModel; use: UseBackend; optLevel: number };
}

export interface DryRunReport {
  model: string;
  format: { name: string; version: string; source: 'embedded' | 'installed' | 'built model' };
  inputs: { name: string; dtype: string; shape: (number | string)[]; from: 'file' | 'value' | 'generated shape' | 'declared' }[];
  /** Why input shapes are not all known (a dynamic dim without --shape): the partition and memory use the declared ones. */
  inputsNote?: string;
  passes: { optLevel: number; ran: string[]; changed: PassChange[] };
  backend: string | null;
  reason: string;
  device: string;
  threads: { value: number; from: string; native?: number };
  partition: DryPartitionReport & { note?: string };
  memory: MemoryPlan;
  cache: CacheReport;
  candidates: CandidateReview[];
  canRun: boolean;
  /** Ops no backend (the interp fallback included) has, `domain::Op`. */
  missingOps: string[];
}

/** The --max-memory estimate without hodu's own resident memory (added at run time), and the limit if any. */
type MemoryPlan = Omit<MemoryEstimate, 'runtime'> & { limit?: number };

async function formatOf(path: string): Promise<{ plugin: { name: string; version: string; loadModel?: (b: Uint8Array, o: { path: string }) => Model | Promise<Model> }; source: 'embedded' | 'installed'; bytes: Uint8Array }> {
  const { readBytes, formatFor, embeddedFormatNames, holdsTensors } = await import('../../formats/registry');
  const bytes = readBytes(path);
  const plugin = await formatFor(path, bytes);
  if (!plugin.loadModel || holdsTensors(plugin, path)) throw new HoduError('E_NOT_A_MODEL', `${path}: a ${plugin.name} file (${extname(path)}) holds tensors, not a model`);
  return { plugin, source: embeddedFormatNames().includes(plugin.name) ? 'embedded' : 'installed', bytes };
}

/** The feeds a run would get (files read, generated inputs made): only their shapes are used. Dynamic dims without --shape: none. */
interface Feeds {
  feeds: Map<string, RuntimeValue>;
  /** The inputs given as NAME=VALUE literals, and those generated: the rest came from files. */
  values: Set<string>;
  generated: Set<string>;
  note?: string;
}

async function feedsFor(model: Model, o: DryRunOptions): Promise<Feeds> {
  try {
    const { tensors, sequences, values, generated } = await bindInputValues(model, { inputs: o.inputs, shapes: o.shapes, dims: o.dims, fills: o.fills, randomInputs: true, seed: o.seed });
    return { feeds: new Map<string, RuntimeValue>([...tensors, ...sequences]), values, generated: new Set(generated.map((g) => g.name)) };
  } catch (e) {
    if (!(e instanceof HoduError) || e.code !== 'E_INPUT_MISSING') throw e;
    return { feeds: new Map(), values: new Set(), generated: new Set(), note: `${e.message}: the partition and memory plan use the declared shapes (${e.hint ?? 'give --shape NAME=DIMS'})` };
  }
}

/** Ops of `model` (bodies included) that neither `native`'s kernel list nor the interp has. */
function opsNoBackendHas(model: Model, interp: BackendPlugin, native: BackendPlugin | undefined): string[] {
  const lacking = new Set(interp.unsupportedOps?.(model) ?? []);
  if (!native?.kernels) return [...lacking].sort();
  const kernels = native.kernels;
  const missing = new Set<string>();
  const walk = (nodes: Model['graph']['nodes']) => {
    for (const n of nodes) {
      const id = opId(n.domain, n.op);
      if (lacking.has(id) && !kernels.some((k) => k.startsWith(`${kernelPrefix(n.op, n.domain)}_`))) missing.add(id);
      for (const s of subgraphsOf(n)) walk(s.nodes);
    }
  };
  walk(model.graph.nodes);
  return [...missing].sort();
}

async function memoryPlan(model: Model, feeds: Map<string, RuntimeValue>, limit: number | undefined): Promise<MemoryPlan> {
  const { estimateRunMemory } = await import('../memory-limit');
  const tensors = new Map<string, Tensor>();
  for (const [k, v] of feeds) if (v instanceof Tensor) tensors.set(k, v);
  const e = await estimateRunMemory(model, tensors, 0);
  return { planned: e.planned, weights: e.weights, inputs: e.inputs, intermediates: e.intermediates, scratch: e.scratch, widened: e.widened, outputs: e.outputs, total: e.total, ...(limit === undefined ? {} : { limit }), ...(e.reason ? { reason: e.reason } : {}) };
}

/** Names `--input` specs give by name (`NAME=FILE`); a bare FILE.npz/.npy may give any. */
function givenNames(specs: readonly string[]): { named: Set<string>; bare: boolean } {
  const named = new Set<string>();
  let bare = false;
  for (const s of specs) {
    const at = s.indexOf('=');
    if (at > 0) named.add(s.slice(0, at).replace(/\/\d+$/, ''));
    else bare = true;
  }
  return { named, bare };
}

function inputRows(model: Model, { feeds, values, generated }: Feeds): DryRunReport['inputs'] {
  return feedInputs(model.graph).map((i) => {
    const v = feeds.get(i.name);
    const declared = i.type?.kind === 'tensor' ? i.type : undefined;
    if (!(v instanceof Tensor)) return { name: i.name, dtype: declared?.dtype ?? '?', shape: [...(declared?.shape ?? [])], from: 'declared' };
    return { name: i.name, dtype: v.dtype, shape: [...v.dims], from: generated.has(i.name) ? 'generated shape' : values.has(i.name) ? 'value' : 'file' };
  });
}

/** Inputs a real run would miss: neither given nor generated (no --random-inputs). */
function unfed(model: Model, feeds: Map<string, RuntimeValue>, o: DryRunOptions): string | undefined {
  if (o.randomInputs) return undefined;
  const { named, bare } = givenNames(o.inputs);
  const missing = feedInputs(model.graph).filter((i) => !named.has(i.name) && !bare).map((i) => i.name);
  return missing.length ? `no --input for ${missing.join(', ')}: the dry run uses generated shapes, a run needs --input or --random-inputs` : undefined;
}

export async function dryRun(o: DryRunOptions): Promise<DryRunReport> {
  const changed: PassChange[] = [];
  let model: PreparedModel;
  let format: DryRunReport['format'];
  if (o.built) {
    model = o.built.model;
    format = { name: 'hodu build artifact', version: '', source: 'built model' };
  } else {
    const f = await formatOf(o.model);
    format = { name: f.plugin.name, version: f.plugin.version, source: f.source };
    const loaded = await f.plugin.loadModel!(f.bytes, { path: o.model });
    model = prepareModel(loaded, o.optLevel, { afterPass: recordPassChanges(loaded, changed) });
  }
  const fed = await feedsFor(model, o);
  const { feeds, note } = fed;
  // Before selection: loading cpu writes its library, and the report says whether it was there.
  const embedded = o.built ? undefined : await peekEmbeddedCpu();
  let backend: BackendPlugin | undefined;
  let reason: string;
  try {
    const choice = o.built ? { ...o.built.use } : await chooseBackend(model, { name: o.backend, requestedBy: o.backendFrom, device: o.device, isolate: o.isolate });
    backend = choice.backend;
    reason = choice.reason;
  } catch (e) {
    if (!(e instanceof HoduError) || e.code !== 'E_UNSUPPORTED_OP') throw e;
    reason = e.message;
  }
  const interp = await loadBackend('interp');
  const partitioned = backend?.kernels && backend.name !== 'interp' ? { name: backend.name, kernels: backend.kernels } : undefined;
  // session.ts: bodies are partitioned only in-process (an isolated plugin's sessions are not synchronous).
  const bodiesInProcess = partitioned && (backend!.name === 'cpu' ? o.isolate !== true : o.isolate === false);
  const bodyNote = !partitioned ? undefined : o.bodiesOnInterp ?? (bodiesInProcess ? undefined : `If/Loop/Scan bodies run on the interp: ${backend!.name} runs in a child process (isolated)`);
  const partition = backend ? dryPartition(model, feeds, { target: partitioned, whole: backend.name, bodyTarget: bodyNote ? undefined : partitioned, bodyWhole: partitioned ? 'interp' : backend.name }) : dryPartition(model, feeds, { whole: 'none', bodyWhole: 'none' });
  const missingOps = o.built ? [] : backend ? (backend.name === 'interp' || partitioned ? opsNoBackendHas(model, interp, partitioned ? backend : undefined) : backend.unsupportedOps?.(model) ?? []) : opsNoBackendHas(model, interp, undefined);
  // A node whose op nobody has falls back for the first reason the split finds (often "not inferred"): say the real one.
  const nobody = new Set(missingOps);
  for (const f of [...partition.fallbacks, ...partition.bodies.flatMap((b) => b.fallbacks)]) if (nobody.has(f.op)) f.reason = `no backend has ${f.op}, the interp included`;
  const candidates = o.built ? [{ name: backend!.name, source: 'installed' as const, status: 'chosen' as const, reason: '' }] : await reviewCandidates(model, { device: o.device, chosen: backend?.name, named: Boolean(o.backend), isolate: o.isolate });
  const level = o.built ? o.built.optLevel : o.optLevel;
  return {
    model: o.model,
    format,
    inputs: inputRows(model, fed),
    ...(note ?? unfed(model, feeds, o) ? { inputsNote: note ?? unfed(model, feeds, o) } : {}),
    passes: { optLevel: level, ran: o.built ? [] : PASSES.filter((p) => p.level <= o.optLevel).map((p) => p.name), changed },
    backend: backend?.name ?? null,
    reason,
    device: o.device,
    threads: { value: o.threads.value, from: o.threads.from, ...(partitioned || o.built ? { native: o.threads.native } : {}) },
    partition: { ...partition, ...(o.built ? { note: `the whole model runs in ${o.model} as it was built (its nodes are compiled in)` } : bodyNote && partition.bodies.length ? { note: bodyNote } : {}) },
    memory: await memoryPlan(model, feeds, o.maxMemory),
    cache: runCacheReport(backend?.name, embedded, o.built ? o.model : undefined),
    candidates,
    canRun: Boolean(backend) && missingOps.length === 0,
    missingOps,
  };
}
