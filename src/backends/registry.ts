import { HoduError } from '../errors';
import type { Model } from '../ir/graph';
import type { BackendPlugin } from '../sdk/backend';
import { didYouMean } from '../util/did-you-mean';

/** Embedded backends, loaded lazily so `hodu --version` does not pay for the kernels. */
const EMBEDDED: Record<string, () => Promise<BackendPlugin>> = {
  interp: async () => (await import('./interp/index')).default,
};

export function embeddedBackendNames(): string[] {
  return Object.keys(EMBEDDED);
}

export async function loadBackend(name: string): Promise<BackendPlugin> {
  const load = EMBEDDED[name];
  if (!load) {
    const guess = didYouMean(name, Object.keys(EMBEDDED));
    throw new HoduError('E_NO_BACKEND', `no backend named '${name}'; available: ${Object.keys(EMBEDDED).join(', ')}`, {
      hint: guess ? `did you mean '${guess}'?` : 'run `hodu plugin list` to see installed backends',
      exitCode: 2,
    });
  }
  return load();
}

/**
 * Picks the backend for a model: the named one (checked), or the highest-priority available backend on
 * `device` that runs every op of the model. When none fits, one error lists each backend's reason.
 */
export async function selectBackend(model: Model, opts: { name?: string; device?: string } = {}): Promise<BackendPlugin> {
  const device = opts.device ?? 'cpu';
  const candidates = opts.name ? [await loadBackend(opts.name)] : await Promise.all(Object.values(EMBEDDED).map((l) => l()));
  const reasons: string[] = [];
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
    throw new HoduError('E_NO_BACKEND', `no backend can run this model on '${device}':\n  ${reasons.join('\n  ')}`, {
      hint: 'run `hodu inspect MODEL` to see its ops; unsupported ops can be reported as issues',
    });
  }
  return fits[0]!;
}
