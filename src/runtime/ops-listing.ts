/**
 * What `hodu ops` lists: every op a backend supports, with its domain, the opsets it is supported in and the
 * dtypes it accepts.
 *
 * For the interp, both come from the op schemas: the opset range runs from the schema's `sinceVersion` to the
 * newest opset of the domain hodu reads (`opsetRange`), and the dtypes are the schema's ONNX type constraints,
 * restricted to what the interp kernels run (test/ops/dtype-support.test.ts runs every listed dtype).
 * Installed plugins list the dtypes their package.json declares (`dtypeSource: 'declared'`), each op keeping those
 * its type constraint allows.
 */
import { HoduError } from '../errors';
import type { DType } from '../ir/dtype';
import { parseOpId } from '../ir/op-id';
import type { OpSchema } from '../ops/schema';

/** One op in `hodu ops --json` (`{ backends: BackendOps[] }`). */
interface OpListing {
  op: string;
  /** '' is the default ONNX domain. */
  domain: string;
  /** First opset the op is supported in. */
  sinceVersion: number;
  /** Last opset it is supported in (inclusive); undefined when a plugin lists an op hodu has no schema for. */
  untilVersion?: number;
  /** Opsets in sinceVersion..untilVersion where ONNX changed the op (its version history). */
  versions?: number[];
  /** The dtypes of the op's data type (its widest type constraint). */
  dtypes: DType[];
  /** Every ONNX type constraint of the op: name ('T', 'Tind') → dtypes. */
  types?: Record<string, DType[]>;
  /** 'schema': the op schema's type constraints; 'declared': the plugin's package.json. */
  dtypeSource: 'schema' | 'declared';
}

interface BackendOps {
  backend: string;
  kind: 'embedded' | 'plugin';
  status: 'ok' | 'broken';
  ops: OpListing[];
}

async function listInterpOps(): Promise<BackendOps> {
  await import('../backends/interp/index');
  const { getKernel } = await import('../backends/interp/kernel-registry');
  const { allOpSchemas } = await import('../ops/registry');
  const ops = allOpSchemas()
    .filter((schema) => getKernel(schema.op, schema.domain))
    .map(async (schema) => ({ ...(await schemaFacts(schema)), dtypeSource: 'schema' as const }));
  return { backend: 'interp', kind: 'embedded', status: 'ok', ops: sortOps(await Promise.all(ops)) };
}

/** Opset range, version history and dtypes of one schema. */
async function schemaFacts(schema: OpSchema): Promise<Omit<OpListing, 'dtypeSource'>> {
  const { mainTypeConstraint, opsetRange } = await import('../ops/_opsets');
  const [sinceVersion, untilVersion] = opsetRange(schema);
  const types: Record<string, DType[]> = Object.fromEntries(Object.entries(schema.types).map(([k, v]) => [k, [...v]]));
  const main = mainTypeConstraint(schema);
  // Ops with no constraint (NonMaxSuppression, StringNormalizer) have fixed dtypes: the first input's is the data type.
  const fixed = [...schema.inputs, ...schema.outputs].map((io) => io.type).filter((t) => !(t in types)) as DType[];
  return {
    op: schema.op,
    domain: schema.domain,
    sinceVersion,
    untilVersion,
    versions: schema.versions.filter((v) => v <= untilVersion),
    dtypes: main ? types[main]! : fixed.slice(0, 1),
    types,
  };
}

/** Ops as a package.json declares them: one dtype list for all, each op keeping those its ONNX type constraint allows. */
async function declaredOps(names: readonly string[], declared: readonly string[]): Promise<OpListing[]> {
  const { getOpSchema } = await import('../ops/registry');
  await import('../ops/index');
  const dtypes = [...declared] as DType[];
  const ops = names.map(async (name): Promise<OpListing> => {
    const { domain, op } = parseOpId(name);
    const schema = getOpSchema(op, domain);
    if (!schema) return { op, domain, sinceVersion: 1, dtypes, dtypeSource: 'declared' };
    // A plugin declares one dtype list for all its ops; an op only takes those its ONNX type constraint allows
    // (a plugin with float32 and bool runs Add on float32 and And on bool, not Add on bool).
    const { sinceVersion, untilVersion, versions, dtypes: allowed } = await schemaFacts(schema);
    return { op, domain, sinceVersion, untilVersion, versions, dtypes: dtypes.filter((d) => allowed.includes(d)), dtypeSource: 'declared' };
  });
  return sortOps(await Promise.all(ops));
}

/** The embedded cpu backend, as plugins/backend-cpu/package.json declares it (recorded at build time); none when running from source. */
async function listEmbeddedCpuOps(): Promise<BackendOps[]> {
  const { EMBEDDED_CPU_BUILD } = await import('../embedded-plugins');
  if (!EMBEDDED_CPU_BUILD) return [];
  return [{ backend: 'cpu', kind: 'embedded', status: 'ok', ops: await declaredOps(EMBEDDED_CPU_BUILD.ops, EMBEDDED_CPU_BUILD.dtypes) }];
}

/** Installed backend plugins with the ops and dtypes their package.json declares. */
async function listPluginOps(): Promise<BackendOps[]> {
  const { listInstalledPlugins } = await import('../plugins/installed');
  const out: BackendOps[] = [];
  for (const p of listInstalledPlugins()) {
    if (p.type !== 'backend') continue;
    out.push({ backend: p.name, kind: 'plugin', status: p.status, ops: await declaredOps(p.capabilities.ops ?? [], p.capabilities.dtypes ?? []) });
  }
  return out;
}

/** interp, the embedded cpu backend, then installed backends; `only` picks one by name (an installed `cpu` is listed after the embedded one). */
export async function listOps(only?: string): Promise<BackendOps[]> {
  const all = [await listInterpOps(), ...(await listEmbeddedCpuOps()), ...(await listPluginOps())];
  if (only === undefined) return all;
  const hit = all.filter((b) => b.backend === only);
  if (!hit.length) {
    const { didYouMean } = await import('../util/did-you-mean');
    const names = all.map((b) => b.backend);
    const guess = didYouMean(only, names);
    throw new HoduError('E_NO_BACKEND', `no backend named '${only}'; backends: ${names.join(', ')}`, { hint: guess ? `did you mean '${guess}'?` : 'install one with `hodu plugin install`' });
  }
  return hit;
}

function sortOps(ops: OpListing[]): OpListing[] {
  return ops.sort((a, b) => a.domain.localeCompare(b.domain) || a.op.localeCompare(b.op));
}
