/**
 * Installed backend plugins as selection candidates, read from plugins.json alone: name, priority, devices
 * and what the installed copy supports (recorded at install, rebuild and `plugin test`). Nothing is loaded
 * here: loading a native plugin dlopens it or starts a child probe, so backends/registry.ts loads only the
 * candidate it picks.
 */
import type { BackendCandidate } from '../backends/registry';
import type { Graph, Model } from '../ir/graph';
import type { BackendPlugin } from '../sdk/backend';
import { subgraphsOf } from '../ir/subgraphs';
import { listInstalledPlugins, loadInstalledBackend, type InstalledPlugin } from './installed';
import { nativeUnsupportedOps } from './native/kernel-fit';
import { anyNodeNative } from '../sdk/kernel-coverage';
import type { BackendSupports } from './plugins-json';

/**
 * The installed backends `hodu run` may choose without --backend. Those it may not (disabled, crashed,
 * untested, broken) and an unreadable plugins.json are reported in `passedOver` instead.
 */
export function installedBackendCandidates(opts: { isolate?: boolean }, passedOver: string[]): BackendCandidate[] {
  let installed: InstalledPlugin[] = [];
  try {
    installed = listInstalledPlugins();
  } catch (e) {
    // A corrupt plugins.json must not stop a run the embedded backends can do; `hodu plugin list` reports it.
    passedOver.push(`installed plugins: ${e instanceof Error ? e.message : String(e)}`);
  }
  const candidates: BackendCandidate[] = [];
  for (const p of installed) {
    if (p.type !== 'backend') continue;
    if (!p.auto) {
      passedOver.push(`${p.name}: ${p.stateDetail}${p.fix ? ` (${p.fix})` : ''}`);
      continue;
    }
    const supports = p.supports;
    candidates.push({
      name: p.name,
      priority: p.capabilities.priority,
      devices: p.capabilities.devices,
      // A rebuilt or reinstalled copy (new checksum) is a new candidate, worth loading again.
      key: `${p.path}\0${p.checksum}\0${opts.isolate ?? true}`,
      missingOps: (model) => (supports ? recordedMissingOps(model, supports) : undefined),
      partial: (model) => (supports?.kernels ? anyNodeNative(model, supports.kernels) : false),
      load: () => loadInstalledBackend(p.name, { isolate: opts.isolate }),
    });
  }
  return candidates;
}

/** Ops of `model` outside what plugins.json records (undefined: nothing recorded, only loading can tell). */
export function recordedMissingOps(model: Model, supports: BackendSupports): string[] | undefined {
  if (supports.kernels) return nativeUnsupportedOps(model, supports.kernels);
  if (!supports.ops) return undefined;
  const have = new Set(supports.ops);
  const missing = new Set<string>();
  const walk = (g: Graph) => {
    for (const n of g.nodes) {
      // The capabilities spelling: `domain::Op`, the default domain written as just `Op`.
      const id = n.domain ? `${n.domain}::${n.op}` : n.op;
      if (!have.has(id)) missing.add(id);
      for (const s of subgraphsOf(n)) walk(s);
    }
  };
  walk(model.graph);
  return [...missing].sort();
}

/** What plugins.json records of a JS backend: the ops it declares (none: it answers `unsupportedOps` once loaded). */
export function jsSupports(backend: BackendPlugin): BackendSupports {
  return backend.capabilities.ops ? { ops: [...backend.capabilities.ops] } : {};
}
