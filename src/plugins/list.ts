import { embeddedBackendNames, loadEmbeddedBackend } from '../backends/registry';
import type { EmbeddedBackendName } from '../embedded-plugins';
import { embeddedFormatNames, loadFormat } from '../formats/registry';
import type { BackendCapabilities } from '../sdk/backend';
import type { FormatCapabilities } from '../sdk/format';
import { listInstalledPlugins, type InstalledPlugin } from './installed';
import type { PluginState } from './plugin-state';

/** Capabilities as plain JSON (magic bytes as hex strings). */
type CapabilitiesJson = Omit<BackendCapabilities, 'dtypes'> & { dtypes?: string[] } | (Omit<FormatCapabilities, 'magic'> & { magic?: string[] });

/** One row of `hodu plugin list`: embedded and installed plugins in one shape. */
interface PluginListing {
  name: string;
  type: 'backend' | 'format';
  version: string;
  /** 'embedded', or where it was installed from. */
  source: string;
  embedded: boolean;
  /** `ok`, or why hodu does not use it automatically (see PluginState). */
  status: PluginState;
  problems: string[];
  /** The command that fixes a status other than ok. */
  fix?: string;
  /** Whether `hodu run` may choose it without --backend (backends). */
  auto: boolean;
  /** Worth knowing whatever the status (e.g. no supported-ops record in plugins.json). */
  notes: string[];
  capabilities: CapabilitiesJson;
  /** Installed plugins only: the full plugins.json entry. */
  installed?: InstalledPlugin;
}

const toHex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

function formatCapsJson(c: FormatCapabilities): CapabilitiesJson {
  const { magic, ...rest } = c;
  return { ...rest, extensions: [...c.extensions], ...(magic ? { magic: magic.map(toHex) } : {}) };
}

/** Embedded plugins first (backends, then formats), then installed ones by name. */
export async function listAllPlugins(): Promise<PluginListing[]> {
  const rows: PluginListing[] = [];
  const installed = listInstalledPlugins();
  for (const name of embeddedBackendNames()) {
    const b = await loadEmbeddedBackend(name as EmbeddedBackendName);
    const c = b.capabilities;
    const avail = b.available?.() ?? { ok: true };
    const shadowed = installed.some((p) => p.name === name);
    const notes = [...(avail.ok ? [] : [`unavailable: ${avail.reason}; hodu uses interp instead`]), ...(shadowed ? [`\`--backend ${name}\` runs the installed plugin '${name}' instead of this one (automatic selection still considers both)`] : [])];
    rows.push({ name, type: 'backend', version: b.version, source: 'embedded', embedded: true, status: 'ok', problems: [], auto: avail.ok, notes, capabilities: { runner: c.runner, builder: c.builder, devices: [...c.devices], priority: c.priority, ops: c.ops ? [...c.ops] : undefined, dtypes: c.dtypes ? [...c.dtypes] : undefined } });
  }
  for (const name of embeddedFormatNames()) {
    const f = await loadFormat(name);
    rows.push({ name, type: 'format', version: f.version, source: 'embedded', embedded: true, status: 'ok', problems: [], auto: true, notes: [], capabilities: formatCapsJson(f.capabilities) });
  }
  for (const p of installed) {
    const problems = p.problems.length ? p.problems : p.stateDetail ? [p.stateDetail] : [];
    rows.push({ name: p.name, type: p.type, version: p.version, source: p.source.path, embedded: false, status: p.state, problems, fix: p.fix, auto: p.auto, notes: p.notes, capabilities: p.capabilities, installed: p });
  }
  return rows;
}

/** One line describing what a plugin can do, for the table. */
export function summarizeCapabilities(type: 'backend' | 'format', c: CapabilitiesJson): string {
  if (type === 'backend') {
    const b = c as BackendCapabilities;
    const roles = [b.runner && 'runner', b.builder && 'builder'].filter(Boolean).join('+') || 'none';
    return `${roles}; ${b.devices.join(',')}; priority ${b.priority}${b.ops ? `; ${b.ops.length} op${b.ops.length === 1 ? '' : 's'}` : ''}`;
  }
  const f = c as FormatCapabilities;
  const can = (load: boolean, save: boolean, what: string) => (load && save ? `load/save ${what}` : load ? `load ${what}` : save ? `save ${what}` : '');
  return [can(f.loadModel, f.saveModel, 'model'), can(f.loadTensors, f.saveTensors, 'tensors'), f.extensions.join(',')].filter(Boolean).join('; ');
}
