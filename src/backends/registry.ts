import { HoduError } from '../errors';
import type { Model } from '../ir/graph';
import type { BackendPlugin } from '../sdk/backend';
import { didYouMean } from '../util/did-you-mean';
import { EMBEDDED_BACKENDS, type EmbeddedBackendName } from '../embedded-plugins';

/** Embedded backends, loaded lazily so `hodu --version` does not pay for the kernels. */
const LOADERS: Record<EmbeddedBackendName, () => Promise<BackendPlugin>> = {
  interp: async () => (await import('./interp/index')).default,
};
/** The same loaders, indexed by any name a user types. */
const EMBEDDED: Record<string, () => Promise<BackendPlugin>> = LOADERS;

export interface BackendLoadOptions {
  /** Native plugin sessions run in a child process (a crash is reported, hodu survives) unless this is false. */
  isolate?: boolean;
}

export function embeddedBackendNames(): string[] {
  return [...EMBEDDED_BACKENDS];
}

/** Installed backend plugin names, from plugins.json alone (health is checked when one is loaded). */
async function installedBackendNames(): Promise<string[]> {
  const { readRegistry } = await import('../plugins/plugins-json');
  return Object.values(readRegistry().plugins).filter((p) => p.type === 'backend').map((p) => p.name);
}

export async function loadBackend(name: string, opts: BackendLoadOptions = {}): Promise<BackendPlugin> {
  const embedded = EMBEDDED[name];
  if (embedded) return embedded();
  const installed = await installedBackendNames();
  if (installed.includes(name)) {
    const { loadInstalledBackend } = await import('../plugins/installed');
    return loadInstalledBackend(name, { isolate: opts.isolate });
  }
  const known = [...Object.keys(EMBEDDED), ...installed];
  const guess = didYouMean(name, known);
  throw new HoduError('E_NO_BACKEND', `no backend named '${name}'; available: ${known.join(', ')}`, {
    hint: guess ? `did you mean '${guess}'?` : 'run `hodu plugin list` to see installed backends',
  });
}

/** The backend picked for a model, and why (for `--verbose`), plus warnings the CLI prints. */
export interface BackendChoice {
  backend: BackendPlugin;
  reason: string;
  notes: string[];
}

/** Warnings for a plugin asked for by name: not vetted by `plugin test`, or running inside hodu. */
async function namedPluginNotes(name: string, requestedBy: string, isolate: boolean | undefined): Promise<string[]> {
  const { installedPluginState } = await import('../plugins/installed');
  const p = installedPluginState(name);
  if (!p) return [];
  const notes: string[] = [];
  if (p.state !== 'ok') notes.push(`plugin '${name}' ${p.stateDetail}; using it because ${requestedBy} asked for it${p.fix ? ` (check it: ${p.fix})` : ''}`);
  if (p.library && isolate === false) notes.push(`plugin '${name}' runs inside hodu (--no-isolate): if it crashes, hodu cannot report it or record the crash`);
  return notes;
}

/**
 * Picks the backend for a model: the named one (checked), or the highest-priority available backend on
 * `device` that runs every op of the model (embedded and installed). An installed backend is chosen
 * automatically only when it is healthy, enabled, passed `hodu plugin test` and has not crashed since;
 * the others are passed over with their reason. When none fits, one error lists each backend's reason.
 */
export async function chooseBackend(model: Model, opts: { name?: string; device?: string; requestedBy?: string } & BackendLoadOptions = {}): Promise<BackendChoice> {
  const device = opts.device ?? 'cpu';
  const reasons: string[] = [];
  let candidates: BackendPlugin[];
  let notes: string[] = [];
  if (opts.name) {
    candidates = [await loadBackend(opts.name, opts)];
    if (!EMBEDDED[opts.name]) notes = await namedPluginNotes(opts.name, opts.requestedBy ?? '--backend', opts.isolate);
  } else {
    candidates = await Promise.all(Object.values(EMBEDDED).map((l) => l()));
    // Only healthy installed backends for this device are loaded (loading a native one dlopens it).
    const { listInstalledPlugins, loadInstalledBackend } = await import('../plugins/installed');
    let installed: ReturnType<typeof listInstalledPlugins> = [];
    try {
      installed = listInstalledPlugins();
    } catch (e) {
      // A corrupt plugins.json must not stop a run the embedded backends can do; `hodu plugin list` reports it.
      reasons.push(`installed plugins: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const p of installed) {
      if (p.type !== 'backend') continue;
      const name = p.name;
      if (!p.auto) {
        reasons.push(`${name}: ${p.stateDetail}${p.fix ? ` (${p.fix})` : ''}`);
        continue;
      }
      if (!p.capabilities.devices.includes(device)) {
        reasons.push(`${name}: does not run on device '${device}' (devices: ${p.capabilities.devices.join(', ')})`);
        continue;
      }
      try {
        // Already listed and checked above: load it directly instead of through loadBackend's lookup.
        candidates.push(await loadInstalledBackend(name, { isolate: opts.isolate }));
      } catch (e) {
        reasons.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  const fits = candidates
    .filter((b) => {
      if (!b.capabilities.devices.includes(device)) {
        reasons.push(`${b.name}: does not run on device '${device}' (devices: ${b.capabilities.devices.join(', ')})`);
        return false;
      }
      const avail = b.available?.() ?? { ok: true };
      if (!avail.ok) {
        reasons.push(`${b.name}: ${avail.reason}`);
        return false;
      }
      const missing = b.unsupportedOps?.(model) ?? [];
      if (missing.length) {
        reasons.push(`${b.name}: does not support op${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
        return false;
      }
      return true;
    })
    .sort((a, b) => b.capabilities.priority - a.capabilities.priority);
  if (fits.length === 0) {
    const onDevice = candidates.filter((b) => b.capabilities.devices.includes(device));
    if (onDevice.length === 0 && !opts.name) {
      const available = candidates.map((b) => `${b.name} (${b.capabilities.devices.join(', ')})`).join(', ');
      throw new HoduError('E_NO_BACKEND', `no backend plugin supports device '${device}'; available: ${available}`, {
        hint: `install a backend plugin for '${device}' with \`hodu plugin install\`, or run with --device cpu`,
      });
    }
    throw new HoduError('E_UNSUPPORTED_OP', `no backend can run this model on '${device}':\n  ${reasons.join('\n  ')}`, {
      hint: 'run `hodu inspect MODEL` to see its ops; unsupported ops can be reported as issues',
    });
  }
  const chosen = fits[0]!;
  const reason = opts.name
    ? `'${chosen.name}' was asked for by ${opts.requestedBy ?? '--backend'}`
    : `chosen automatically: the highest priority (${chosen.capabilities.priority}) of the backends that run every op of this model on '${device}'` +
      (reasons.length ? `; passed over: ${reasons.join('; ')}` : '');
  return { backend: chosen, reason, notes };
}

/** chooseBackend without the explanation. */
export async function selectBackend(model: Model, opts: { name?: string; device?: string } & BackendLoadOptions = {}): Promise<BackendPlugin> {
  return (await chooseBackend(model, opts)).backend;
}
