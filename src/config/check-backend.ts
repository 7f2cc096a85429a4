/**
 * `hodu config set runtime.backend NAME` / `runtime.device NAME` check the name against what this install
 * has (embedded backends, and backend plugins in plugins.json): a name nothing provides would make every
 * later run fail.
 */
import { EMBEDDED_BACKENDS } from '../embedded-plugins';
import { HoduError } from '../errors';
import { didYouMean } from '../util/did-you-mean';

async function installedBackends(): Promise<{ name: string; devices: string[] }[]> {
  const { readRegistry } = await import('../plugins/plugins-json');
  return Object.values(readRegistry().plugins).flatMap((p) => (p.type === 'backend' ? [{ name: p.name, devices: [...p.capabilities.devices] }] : []));
}

function refuse(key: string, what: string, known: string[], got: string): HoduError {
  const guess = didYouMean(got, known);
  return new HoduError('E_CONFIG_VALUE', `'${key}' must be ${what} (${known.join(', ')}), got "${got}"`, {
    hint: `${guess ? `did you mean '${guess}'? ` : ''}install a backend plugin first (\`hodu plugin install --path DIR\`); \`hodu plugin list\` shows them`,
  });
}

export async function checkBackendName(name: string): Promise<void> {
  const known = [...EMBEDDED_BACKENDS, ...(await installedBackends()).map((b) => b.name)];
  if (!known.includes(name)) throw refuse('runtime.backend', 'a backend this install has', known, name);
}

export async function checkDeviceName(device: string): Promise<void> {
  // Every embedded backend runs on the cpu.
  const known = [...new Set(['cpu', ...(await installedBackends()).flatMap((b) => b.devices)])];
  if (!known.includes(device)) throw refuse('runtime.device', 'a device one of its backends runs on', known, device);
}
