/**
 * `hodu build --dry-run`: what a build would do, without compiling or writing anything. The compile cache is
 * looked up under the key `hodu build` computes (buildCacheKey), read-only; on a hit the build would only copy
 * the artifact. Then the model is loaded, optimized (counting each pass's changes) and planned as
 * static-plan.ts plans it, and every step the builder has no kernel for is listed: a built model has no
 * interp to fall back on. Planning computes no tensor; the kernel library and the model are not compiled.
 */
import type { BuildFlags } from '../../build/build-model';
import { extname } from 'node:path';
import { HoduError } from '../../errors';
import { bytesPerElement, isDType } from '../../ir/dtype';
import { opId } from '../../ir/op-id';
import { PASSES } from '../../passes/pipeline';
import type { BackendPlugin } from '../../sdk/backend';
import { reviewCandidates, loadBackend, type CandidateReview } from '../../backends/registry';
import { prepareModel } from '../prepare';
import { parseShapeOverride } from '../shape-spec';
import { peekCompileCache, type CacheReport } from './cache';
import { recordPassChanges, type PassChange } from './passes';

/** What `hodu build` is given, minus its progress and warning callbacks (a dry run reports, it does not build). */
export type BuildDryRunOptions = Omit<BuildFlags, 'progress' | 'warn'>;

export interface BuildDryRunReport {
  model: string;
  /** Where the artifact would go: nothing is written by a dry run. */
  output: string;
  format: { name: string; version: string; source: 'embedded' | 'installed' };
  artifact: { format: string; target: string };
  backend: string;
  device: 'cpu';
  threads: number;
  inputs: { name: string; shape: number[] }[];
  passes: { optLevel: number; ran: string[]; changed: PassChange[] };
  /** Every planned step runs on the builder; `missing` lists the ops (and nodes) it has no kernel for. */
  partition: { backend: string; steps: number; missing: { op: string; nodes: string[] }[]; error?: string };
  memory?: { arena: number; weights: number; inputs: number; outputs: number };
  cache: CacheReport;
  candidates: CandidateReview[];
  canBuild: boolean;
  missingOps: string[];
}

const bytesOf = (dtype: string, dims: readonly number[]) => dims.reduce((a, b) => a * b, 1) * (isDType(dtype) ? bytesPerElement(dtype) : 1);

export async function buildDryRun(o: BuildDryRunOptions): Promise<BuildDryRunReport> {
  const { buildCacheKey } = await import('../../build/build-model');
  const keyed = await buildCacheKey(o);
  const cache = peekCompileCache(keyed.settings, keyed.key);
  const { readBytes, formatFor, embeddedFormatNames, holdsTensors } = await import('../../formats/registry');
  const bytes = readBytes(o.model);
  const fmt = await formatFor(o.model, bytes);
  if (!fmt.loadModel || holdsTensors(fmt, o.model)) throw new HoduError('E_NOT_A_MODEL', `${o.model}: a ${fmt.name} file (${extname(o.model)}) holds tensors, not a model`);
  const loaded = await fmt.loadModel(bytes, { path: o.model });
  const changed: PassChange[] = [];
  const model = prepareModel(loaded, o.optLevel, { afterPass: recordPassChanges(loaded, changed) });
  const given = new Map(o.shapes.map((s) => {
    const { name, dims } = parseShapeOverride(s);
    return [name, dims] as const;
  }));
  const { staticInputShapes } = await import('../../build/static-plan');
  const shapes = staticInputShapes(model, given);
  const builder = (await loadBackend(o.backend)) as BackendPlugin & { build?: unknown };
  const kernels = builder.kernels ?? [];
  const partition: BuildDryRunReport['partition'] = { backend: builder.name, steps: 0, missing: [] };
  let memory: BuildDryRunReport['memory'];
  if (!builder.build || !builder.kernels) partition.error = `backend '${builder.name}' cannot build models ahead of time (it has no builder)`;
  else {
    try {
      const { planManifest } = await import('../../plan/plan-manifest');
      const manifest = planManifest(model, shapes);
      partition.steps = manifest.steps.length;
      const opOf = new Map(model.graph.nodes.map((n) => [n.name, opId(n.domain, n.op)]));
      const byOp = new Map<string, string[]>();
      for (const s of manifest.steps) {
        if (kernels.includes(s.kernel)) continue;
        const op = opOf.get(s.node) ?? s.kernel;
        byOp.set(op, [...(byOp.get(op) ?? []), s.node]);
      }
      partition.missing = [...byOp].sort(([a], [b]) => a.localeCompare(b)).map(([op, nodes]) => ({ op, nodes }));
      const io = (ids: number[]) => ids.reduce((a, id) => a + bytesOf(manifest.tensors[id]!.dtype, manifest.tensors[id]!.dims), 0);
      memory = { arena: manifest.arenaSize, weights: manifest.weights.byteLength, inputs: io(manifest.inputs), outputs: io(manifest.outputs) };
    } catch (e) {
      if (!(e instanceof HoduError) || e.code !== 'E_PLAN') throw e;
      partition.error = e.message;
    }
  }
  const candidates = (await reviewCandidates(model, { device: 'cpu', chosen: builder.name, named: true })).map((c) => (c.name === 'interp' && c.status === 'rejected' ? { ...c, reason: 'cannot build models ahead of time (it has no builder)' } : c));
  const missingOps = partition.missing.map((m) => m.op);
  return {
    model: o.model,
    output: o.out,
    format: { name: fmt.name, version: fmt.version, source: embeddedFormatNames().includes(fmt.name) ? 'embedded' : 'installed' },
    artifact: { format: keyed.format, target: keyed.target.triple },
    backend: builder.name,
    device: 'cpu',
    threads: o.threads,
    inputs: [...shapes].map(([name, dims]) => ({ name, shape: dims })),
    passes: { optLevel: o.optLevel, ran: PASSES.filter((p) => p.level <= o.optLevel).map((p) => p.name), changed },
    partition,
    ...(memory ? { memory } : {}),
    cache,
    candidates,
    canBuild: !partition.error && missingOps.length === 0,
    missingOps,
  };
}
