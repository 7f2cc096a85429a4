import { HoduError } from '../errors';
import type { Model } from '../ir/graph';
import type { BackendPlugin } from '../sdk/backend';
import { didYouMean } from '../util/did-you-mean';
import { EMBEDDED_BACKENDS, SHADOWABLE_BACKENDS, type EmbeddedBackendName } from '../embedded-plugins';
import { CPU_DESCRIPTOR } from './cpu/descriptor';
import { INTERP_DESCRIPTOR } from './interp/descriptor';
import { anyNodeNative } from '../sdk/kernel-coverage';

interface BackendLoadOptions {
  /**
   * Installed native plugin sessions run in a child process (a crash is reported, hodu survives) unless this
   * is false; the embedded cpu backend runs in-process unless this is true.
   */
  isolate?: boolean;
}

/** Embedded backends, loaded lazily so `hodu --version` does not pay for the kernels (or cpu's library). */
const LOADERS: Record<EmbeddedBackendName, (opts: BackendLoadOptions) => Promise<BackendPlugin>> = {
  interp: async () => (await import('./interp/index')).default,
  cpu: async (opts) => (await import('./cpu/index')).loadEmbeddedCpu({ isolate: opts.isolate }),
};
/** The same loaders, indexed by any name a user types. */
const EMBEDDED: Record<string, (opts: BackendLoadOptions) => Promise<BackendPlugin>> = LOADERS;

/** An installed package of this name is what `--backend NAME` means (SHADOWABLE_BACKENDS). */
async function shadowedByInstalled(name: string): Promise<boolean> {
  return SHADOWABLE_BACKENDS.includes(name) && (await installedBackendNames()).includes(name);
}

/** The embedded backend itself, even when an installed package shadows its name (`hodu plugin list`). */
export async function loadEmbeddedBackend(name: EmbeddedBackendName, opts: BackendLoadOptions = {}): Promise<BackendPlugin> {
  return LOADERS[name](opts);
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
  if (embedded && !(await shadowedByInstalled(name))) return embedded(opts);
  const installed = await installedBackendNames();
  if (installed.includes(name)) {
    const { loadInstalledBackend } = await import('../plugins/installed');
    return loadInstalledBackend(name, { isolate: opts.isolate });
  }
  const known = [...new Set([...Object.keys(EMBEDDED), ...installed])];
  const guess = didYouMean(name, known);
  throw new HoduError('E_NO_BACKEND', `no backend named '${name}'; available: ${known.join(', ')}`, {
    hint: guess ? `did you mean '${guess}'?` : 'run `hodu plugin list` to see installed backends',
  });
}

/** The backend picked for a model, and why (for `--verbose`), plus warnings the CLI prints. */
interface BackendChoice {
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
 * A backend hodu may choose, known before it is loaded (onnxruntime-web's `BackendInfo`): embedded ones from
 * their descriptors, installed ones from plugins.json (plugins/backend-candidates.ts).
 */
export interface BackendCandidate {
  name: string;
  priority: number;
  devices: readonly string[];
  /** Identifies what would be loaded, so a failed load is not retried (a changed install is a new key). */
  key: string;
  /** Ops of `model` it is known to lack without loading it; undefined: unknown until it is loaded. */
  missingOps(model: Model): string[] | undefined;
  /** Whether it would run `model` in part (a kernel list with some of its ops), the interp running the rest. */
  partial?(model: Model): boolean;
  load(): Promise<BackendPlugin>;
}

/**
 * Keyed like LOADERS, so a new embedded backend needs its descriptor here. Both judge a model once loaded
 * (cpu by the kernel list its library exports). An installed package shadowing an embedded name takes over
 * only `--backend NAME`: here the embedded one stays a candidate, and the installed one is a candidate of its own.
 */
function embeddedCandidates(opts: BackendLoadOptions): BackendCandidate[] {
  const all: Record<EmbeddedBackendName, BackendCandidate> = {
    interp: { ...INTERP_DESCRIPTOR, key: 'embedded:interp', missingOps: () => undefined, load: () => LOADERS.interp(opts) },
    cpu: { ...CPU_DESCRIPTOR, key: `embedded:cpu${opts.isolate ? ':isolated' : ''}`, missingOps: () => undefined, load: () => LOADERS.cpu(opts) },
  };
  return Object.values(all);
}

/** Loads that failed in this process, by candidate key, with the reason (onnxruntime-web's `aborted`). */
const failedLoads = new Map<string, string>();

const opsReason = (name: string, missing: string[], how: string) => `${name}: does not support op${missing.length > 1 ? 's' : ''} ${missing.join(', ')}${how}`;
const deviceReason = (name: string, device: string, devices: readonly string[]) => `${name}: does not run on device '${device}' (devices: ${devices.join(', ')})`;

/** Why a loaded backend cannot run `model` on `device` (undefined: it can). `checkOps` false: already judged from plugins.json. */
function unfit(b: BackendPlugin, model: Model, device: string, checkOps: boolean): string | undefined {
  if (!b.capabilities.devices.includes(device)) return deviceReason(b.name, device, b.capabilities.devices);
  const avail = b.available?.() ?? { ok: true };
  if (!avail.ok) return `${b.name}: ${avail.reason}`;
  const missing = checkOps ? (b.unsupportedOps?.(model) ?? []) : [];
  // A backend with a kernel list runs what it has; the interp runs the rest (src/runtime/partition/).
  if (missing.length && b.kernels && anyNodeNative(model, b.kernels)) return undefined;
  return missing.length ? opsReason(b.name, missing, '') : undefined;
}

/** The error when no backend (the named one, or every candidate) can run the model: each reason on a line. */
function noBackendFits(device: string, reasons: string[]): HoduError {
  return new HoduError('E_UNSUPPORTED_OP', `no backend can run this model on '${device}':\n  ${reasons.join('\n  ')}`, {
    hint: 'run `hodu inspect MODEL` to see its ops; unsupported ops can be reported as issues',
  });
}

/** `--backend NAME` (or hodu.toml): that backend, checked, or E_UNSUPPORTED_OP saying why not. */
async function chooseNamed(model: Model, name: string, device: string, opts: { requestedBy?: string } & BackendLoadOptions): Promise<BackendChoice> {
  const backend = await loadBackend(name, opts);
  const notes = EMBEDDED[name] && !(await shadowedByInstalled(name)) ? [] : await namedPluginNotes(name, opts.requestedBy ?? '--backend', opts.isolate);
  // Off the device is a wrong pairing of flags, not a model problem: the error the unnamed choice gives for it.
  if (!backend.capabilities.devices.includes(device)) {
    throw new HoduError('E_NO_BACKEND', `backend '${backend.name}' does not run on device '${device}' (devices: ${backend.capabilities.devices.join(', ')})`, {
      hint: `run with --device ${backend.capabilities.devices[0] ?? 'cpu'}, or leave --backend out to pick a backend for '${device}' (\`hodu plugin list\` shows each one's devices)`,
    });
  }
  const why = unfit(backend, model, device, true);
  if (why) throw noBackendFits(device, [why]);
  return { backend, reason: `'${backend.name}' was asked for by ${opts.requestedBy ?? '--backend'}`, notes };
}

/**
 * Picks the backend for a model, as onnxruntime-web's `resolveBackend`: the named one (checked), or else the
 * candidates (embedded, then installed ones `hodu run` may choose: healthy, enabled, passed `plugin test`, not
 * crashed since) by priority, highest first. A candidate off `device`, or whose recorded ops miss one of the
 * model's, is passed over without loading it; the first other one is loaded (only that one: loading a native
 * plugin dlopens it or starts a child probe) and checked; a failed load is remembered and the next is tried.
 * When none fits, one error lists each candidate's reason.
 */
export async function chooseBackend(model: Model, opts: { name?: string; device?: string; requestedBy?: string } & BackendLoadOptions = {}): Promise<BackendChoice> {
  const device = opts.device ?? 'cpu';
  if (opts.name) return chooseNamed(model, opts.name, device, opts);
  const reasons: string[] = [];
  const { installedBackendCandidates } = await import('../plugins/backend-candidates');
  const candidates = [...embeddedCandidates(opts), ...installedBackendCandidates(opts, reasons)].sort((a, b) => b.priority - a.priority);
  if (!candidates.some((c) => c.devices.includes(device))) {
    const available = candidates.map((c) => `${c.name} (${c.devices.join(', ')})`).join(', ');
    throw new HoduError('E_NO_BACKEND', `no backend plugin supports device '${device}'; available: ${available}`, {
      hint: `install a backend plugin for '${device}' with \`hodu plugin install\`, or run with --device cpu`,
    });
  }
  for (const c of candidates) {
    if (!c.devices.includes(device)) {
      reasons.push(deviceReason(c.name, device, c.devices));
      continue;
    }
    const known = c.missingOps(model);
    if (known?.length && !c.partial?.(model)) {
      reasons.push(opsReason(c.name, known, ' (as recorded at install; not loaded)'));
      continue;
    }
    const failed = failedLoads.get(c.key);
    if (failed !== undefined) {
      reasons.push(`${c.name}: ${failed}`);
      continue;
    }
    let backend: BackendPlugin;
    try {
      backend = await c.load();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      failedLoads.set(c.key, message);
      reasons.push(`${c.name}: ${message}`);
      continue;
    }
    const why = unfit(backend, model, device, known === undefined);
    if (why) {
      reasons.push(why);
      continue;
    }
    const reason =
      `chosen automatically: the highest priority (${c.priority}) of the backends that run this model on '${device}'` +
      (backend.kernels && backend.unsupportedOps?.(model).length ? ' (the ops it has no kernel for run on the interp: --explain shows the split)' : '') +
      (reasons.length ? `; passed over: ${reasons.join('; ')}` : '');
    return { backend, reason, notes: [] };
  }
  throw noBackendFits(device, reasons);
}

/** One backend `hodu run --dry-run` considered, and what became of it. */
export interface CandidateReview {
  name: string;
  source: 'embedded' | 'installed';
  priority?: number;
  devices?: readonly string[];
  status: 'chosen' | 'rejected';
  /** Why it was not chosen (empty for the chosen one: the choice's own reason says why). */
  reason: string;
}

/**
 * Every backend selection would consider, each judged as chooseBackend judges it (device, ops recorded in
 * plugins.json, a failed load, `unfit` once loaded), for `--dry-run`. Embedded ones are loaded (cheap, and what
 * a run loads); installed ones are judged from plugins.json alone, since loading one starts a plugin. One that
 * could run the model is rejected for its priority, or because another was named. `chosen`: the backend the
 * run uses (undefined when none can).
 */
export async function reviewCandidates(model: Model, opts: { device?: string; chosen?: string; named?: boolean } & BackendLoadOptions = {}): Promise<CandidateReview[]> {
  const device = opts.device ?? 'cpu';
  const passedOver: string[] = [];
  const { installedBackendCandidates } = await import('../plugins/backend-candidates');
  const embedded = embeddedCandidates(opts);
  const all = [...embedded.map((c) => ({ c, source: 'embedded' as const })), ...installedBackendCandidates(opts, passedOver).map((c) => ({ c, source: 'installed' as const }))].sort((a, b) => b.c.priority - a.c.priority);
  const chosen = all.find((x) => x.c.name === opts.chosen);
  const reviews: CandidateReview[] = [];
  for (const { c, source } of all) {
    const base = { name: c.name, source, priority: c.priority, devices: c.devices };
    if (c === chosen?.c) {
      reviews.push({ ...base, status: 'chosen', reason: '' });
      continue;
    }
    let why: string | undefined;
    if (!c.devices.includes(device)) why = deviceReason(c.name, device, c.devices);
    const known = why ? undefined : c.missingOps(model);
    if (!why && known?.length && !c.partial?.(model)) why = opsReason(c.name, known, ' (as recorded at install; not loaded)');
    if (!why && failedLoads.has(c.key)) why = `${c.name}: ${failedLoads.get(c.key)}`;
    if (!why && source === 'embedded') {
      try {
        why = unfit(await c.load(), model, device, true);
      } catch (e) {
        why = `${c.name}: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    if (!why) {
      const fits = source === 'embedded' || known !== undefined ? 'could run it' : 'not loaded by --dry-run (plugins.json records no op list)';
      why = opts.named && opts.chosen ? `${c.name}: ${fits}, but '${opts.chosen}' was asked for by name`
        : chosen ? `${c.name}: ${fits}, but its priority (${c.priority}) is ${c.priority < chosen.c.priority ? 'below' : 'not above'} ${chosen.c.name}'s (${chosen.c.priority})`
        : `${c.name}: ${fits}`;
    }
    reviews.push({ ...base, status: 'rejected', reason: why.startsWith(`${c.name}: `) ? why.slice(c.name.length + 2) : why });
  }
  // Installed backends selection never considers (disabled, crashed, untested, a broken install or ABI): "NAME: why".
  for (const line of passedOver) {
    const at = line.indexOf(': ');
    reviews.push({ name: at > 0 ? line.slice(0, at) : line, source: 'installed', status: 'rejected', reason: at > 0 ? line.slice(at + 2) : line });
  }
  if (opts.chosen && !chosen) reviews.unshift({ name: opts.chosen, source: EMBEDDED[opts.chosen] ? 'embedded' : 'installed', status: 'chosen', reason: '' });
  return reviews;
}
