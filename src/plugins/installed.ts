import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HoduError } from '../errors';
import type { BackendPlugin } from '../sdk/backend';
import type { FormatPlugin } from '../sdk/format';
import { readRegistry, type InstalledPluginEntry } from './registry-file';
import { fileChecksum } from './install';
import { pluginNotFound } from './remove';
import { nativeLoader } from './native-bridge';
import { sdkCompatible } from './sdk-compat';
import { SDK_VERSION } from '../version';

/** An installed plugin as listed: its plugins.json entry plus a health check. */
export type InstalledPlugin = InstalledPluginEntry & { status: 'ok' | 'broken'; problems: string[] };

/** What is wrong with an installed plugin (empty: nothing): missing files, checksum, SDK range. */
export function checkInstalledPlugin(entry: InstalledPluginEntry): string[] {
  const problems: string[] = [];
  const file = entry.library ?? entry.entry;
  if (!existsSync(entry.path)) problems.push(`its folder ${entry.path} is missing`);
  else if (!file || !existsSync(join(entry.path, file))) problems.push(`${entry.library ? 'library' : 'entry'} ${file ?? '(none)'} is missing`);
  else if (fileChecksum(join(entry.path, file)) !== entry.checksum) problems.push(`${file} changed since install (checksum mismatch)`);
  if (!sdkCompatible(entry.sdk)) problems.push(`needs SDK ${entry.sdk}, this hodu provides ${SDK_VERSION}`);
  return problems;
}

/** Every installed plugin with its status, sorted by name. Throws E_REGISTRY_CORRUPT on a bad plugins.json. */
export function listInstalledPlugins(): InstalledPlugin[] {
  return Object.values(readRegistry().plugins)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => {
      const problems = checkInstalledPlugin(p);
      return { ...p, status: problems.length ? 'broken' : 'ok', problems };
    });
}

function healthyEntry(name: string, type: 'backend' | 'format'): InstalledPluginEntry {
  const registry = readRegistry();
  const entry = registry.plugins[name];
  if (!entry) throw pluginNotFound(name, registry);
  if (entry.type !== type) throw new HoduError('E_PLUGIN_TYPE', `plugin '${name}' is a ${entry.type} plugin, not a ${type}`, { exitCode: 2 });
  const problems = checkInstalledPlugin(entry);
  if (problems.length) {
    throw new HoduError('E_PLUGIN_BROKEN', `plugin '${name}' cannot be loaded: ${problems.join('; ')}`, {
      hint: `run \`hodu plugin rebuild ${name}\` (or reinstall it with \`hodu plugin install --path ${entry.source.path} --force\`)`,
    });
  }
  return entry;
}

/**
 * Loads an installed backend plugin: native ones through bun:ffi (every session in a child process with
 * `isolate`), JS ones through `import()`. Throws E_PLUGIN_BROKEN (with a rebuild hint) when its checks fail.
 */
export async function loadInstalledBackend(name: string, opts: { isolate?: boolean; timeoutMs?: number } = {}): Promise<BackendPlugin> {
  const entry = healthyEntry(name, 'backend');
  if (entry.library) {
    const native = await nativeLoader();
    const lib = join(entry.path, entry.library);
    const info = opts.isolate ? await native.probeIsolated(lib, { name, timeoutMs: opts.timeoutMs }) : native.probeNativeLibrary(lib, name);
    // The descriptor wins for runner/builder/devices; priority, ops and dtypes come from package.json.
    const caps = entry.type === 'backend' ? entry.capabilities : undefined;
    return native.loadNativeBackend(lib, info, { ...opts, capabilities: caps && { priority: caps.priority, ops: caps.ops, dtypes: caps.dtypes, devices: caps.devices } });
  }
  const { loadJsPlugin } = await import('./js-loader');
  return loadJsPlugin(join(entry.path, entry.entry!), 'backend', name);
}

/** Loads one installed format plugin by name. */
export async function loadInstalledFormat(name: string): Promise<FormatPlugin> {
  const entry = healthyEntry(name, 'format');
  const { loadJsPlugin } = await import('./js-loader');
  return loadJsPlugin(join(entry.path, entry.entry!), 'format', name);
}

/**
 * Loads every healthy installed format plugin. A broken one does not stop the others: it is passed to
 * `onError` (the CLI prints a warning) and skipped.
 */
export async function loadInstalledFormats(onError?: (name: string, error: HoduError) => void): Promise<FormatPlugin[]> {
  const loaded: FormatPlugin[] = [];
  for (const p of listInstalledPlugins()) {
    if (p.type !== 'format') continue;
    try {
      loaded.push(await loadInstalledFormat(p.name));
    } catch (e) {
      const err = e instanceof HoduError ? e : new HoduError('E_PLUGIN_LOAD', `plugin '${p.name}': ${e instanceof Error ? e.message : String(e)}`);
      onError?.(p.name, err);
    }
  }
  return loaded;
}
