/**
 * What `hodu ops` lists: every op a backend supports, with its domain, the opset range hodu implements
 * (schema sinceVersion..untilVersion) and the dtypes it accepts.
 *
 * The interp's op schemas do not declare type constraints, so its dtypes are measured: each kernel is run
 * once per dtype on a tiny single-node model whose required inputs all have that dtype ([2,2] of ones). The
 * dtypes that run are listed (`dtypeSource: 'probe'`). Ops that cannot run on such inputs (control flow,
 * sequences, ops needing integer shape inputs, required attributes) list the backend's dtypes instead
 * (`dtypeSource: 'backend'`). Installed plugins list what their package.json declares (`'declared'`).
 */
import { HoduError } from '../errors';
import { ALL_DTYPES, type DType } from '../ir/dtype';
import { emptyGraph, type Model } from '../ir/graph';
import { fromNumbers, Tensor } from '../ir/tensor';
import type { OpSchema } from '../ops/schema';

export interface OpListing {
  op: string;
  /** '' is the default ONNX domain. */
  domain: string;
  sinceVersion: number;
  /** Highest opset checked against the spec; undefined when a plugin lists an op hodu has no schema for. */
  untilVersion?: number;
  dtypes: DType[];
  dtypeSource: 'probe' | 'backend' | 'declared';
}

export interface BackendOps {
  backend: string;
  kind: 'embedded' | 'plugin';
  status: 'ok' | 'broken';
  ops: OpListing[];
}

/** The newest default-domain opset hodu reads; probes run at min(untilVersion, this). */
const NEWEST_OPSET = 21;

export async function listInterpOps(): Promise<BackendOps> {
  const { default: interp } = await import('../backends/interp/index');
  const { getKernel } = await import('../backends/interp/kernel');
  const { allOpSchemas } = await import('../ops/registry');
  const { Executor } = await import('../backends/interp/executor');
  const ops: OpListing[] = [];
  for (const schema of allOpSchemas()) {
    if (!getKernel(schema.op, schema.domain)) continue;
    const probed = ALL_DTYPES.filter((d) => probe(schema, d, (m, feeds) => new Executor(m).run(feeds)));
    ops.push({
      op: schema.op,
      domain: schema.domain,
      sinceVersion: schema.sinceVersion,
      untilVersion: schema.untilVersion,
      dtypes: probed.length ? probed : [...(interp.capabilities.dtypes ?? ALL_DTYPES)],
      dtypeSource: probed.length ? 'probe' : 'backend',
    });
  }
  return { backend: 'interp', kind: 'embedded', status: 'ok', ops: sortOps(ops) };
}

/** Installed backend plugins with the ops and dtypes their package.json declares. */
export async function listPluginOps(): Promise<BackendOps[]> {
  const { listInstalledPlugins } = await import('../plugins/installed');
  const { getOpSchema } = await import('../ops/registry');
  await import('../ops/index');
  const out: BackendOps[] = [];
  for (const p of listInstalledPlugins()) {
    if (p.type !== 'backend') continue;
    const dtypes = [...(p.capabilities.dtypes ?? [])];
    const ops = (p.capabilities.ops ?? []).map((name): OpListing => {
      const dot = name.lastIndexOf('.');
      const [domain, op] = dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : ['', name];
      const schema = getOpSchema(op, domain);
      return { op, domain, sinceVersion: schema?.sinceVersion ?? 1, untilVersion: schema?.untilVersion, dtypes, dtypeSource: 'declared' };
    });
    out.push({ backend: p.name, kind: 'plugin', status: p.status, ops: sortOps(ops) });
  }
  return out;
}

/** interp plus installed backends; `only` picks one by name. */
export async function listOps(only?: string): Promise<BackendOps[]> {
  const all = [await listInterpOps(), ...(await listPluginOps())];
  if (only === undefined) return all;
  const hit = all.filter((b) => b.backend === only);
  if (!hit.length) {
    const { didYouMean } = await import('../util/did-you-mean');
    const names = all.map((b) => b.backend);
    const guess = didYouMean(only, names);
    throw new HoduError('E_NO_BACKEND', `no backend named '${only}'; backends: ${names.join(', ')}`, { hint: guess ? `did you mean '${guess}'?` : 'install one with `hodu plugin install`', exitCode: 2 });
  }
  return hit;
}

function sortOps(ops: OpListing[]): OpListing[] {
  return ops.sort((a, b) => a.domain.localeCompare(b.domain) || a.op.localeCompare(b.op));
}

/** Runs one node with every required input of `dtype`; true when the kernel returns without throwing. */
function probe(schema: OpSchema, dtype: DType, run: (m: Model, feeds: Map<string, Tensor>) => unknown): boolean {
  const required = schema.inputs.filter((i) => !i.optional);
  if (!required.length) return false;
  const feeds = new Map<string, Tensor>();
  required.forEach((_, i) => feeds.set(`x${i}`, dtype === 'string' ? new Tensor('string', [2, 2], ['a', 'b', 'c', 'd']) : fromNumbers(dtype, [2, 2], [1, 1, 1, 1])));
  const graph = {
    ...emptyGraph('probe'),
    nodes: [{ name: 'probe', op: schema.op, domain: schema.domain, inputs: [...feeds.keys()], outputs: schema.outputs.filter((o) => !o.optional).map((_, i) => `y${i}`), attributes: {} }],
    inputs: [...feeds.keys()].map((name) => ({ name, type: { kind: 'tensor' as const, dtype, shape: [2, 2] } })),
    outputs: schema.outputs.filter((o) => !o.optional).map((_, i) => ({ name: `y${i}` })),
  };
  const opset = Math.min(schema.untilVersion ?? NEWEST_OPSET, NEWEST_OPSET);
  const domainOpset = schema.domain ? [{ domain: '', version: NEWEST_OPSET }, { domain: schema.domain, version: opset }] : [{ domain: '', version: Math.max(opset, schema.sinceVersion) }];
  const model: Model = { irVersion: 8, opsetImports: domainOpset, metadata: {}, graph, functions: [] };
  try {
    run(model, feeds);
    return true;
  } catch {
    return false;
  }
}
