import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HoduError } from '../errors';
import type { BackendPlugin } from '../sdk/backend';
import type { FormatPlugin } from '../sdk/format';
import { readRegistry, type InstalledPluginEntry } from './plugins-json';
import { fileChecksum, pluginNotFound } from './store';
import { nativeLoader } from './native-bridge';
import { pluginDisabled, pluginState, recordPluginCrash, type PluginState } from './plugin-state';
import { sdkCompatible } from './sdk-compat';
import { SDK_VERSION } from '../version';

/**
 * An installed plugin as listed: its plugins.json entry, the health of its files (`status`, `problems`:
 * whether it can load at all) and its state (`state`, `stateDetail`, `fix`: disabled, crashed, failed or
 * not yet passed `plugin test`; `auto`: whether `hodu run` may choose it without --backend).
 */
export type InstalledPlugin = InstalledPluginEntry & {
  status: 'ok' | 'broken';
  problems: string[];
  state: PluginState;
  stateDetail: string;
  fix?: string;
  auto: boolean;
  /** Worth knowing, not wrong: e.g. no supported-ops record, so `hodu run` loads it to ask. */
  notes: string[];
};

/** What is wrong with an installed plugin (empty: nothing): missing files, checksum, SDK range. */
function checkInstalledPlugin(entry: InstalledPluginEntry): string[] {
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
    .map(withState);
}

function withState(entry: InstalledPluginEntry): InstalledPlugin {
  const problems = checkInstalledPlugin(entry);
  const st = pluginState(entry, problems);
  return { ...entry, status: problems.length ? 'broken' : 'ok', problems, state: st.state, stateDetail: st.detail, fix: st.fix, auto: st.auto, notes: entryNotes(entry) };
}

function entryNotes(entry: InstalledPluginEntry): string[] {
  if (entry.type !== 'backend' || entry.supports) return [];
  return [`its supported ops are not recorded (installed by an older hodu), so \`hodu run\` loads it to ask on every run; \`hodu plugin test ${entry.name}\` records them`];
}

/** The listing of one installed plugin (undefined: not installed), without checking the others. */
export function installedPluginState(name: string): InstalledPlugin | undefined {
  const entry = readRegistry().plugins[name];
  return entry && withState(entry);
}

function healthyEntry(name: string, type: 'backend' | 'format'): InstalledPluginEntry {
  const registry = readRegistry();
  const entry = registry.plugins[name];
  if (!entry) throw pluginNotFound(name, registry);
  if (entry.type !== type) throw new HoduError('E_PLUGIN_TYPE', `plugin '${name}' is a ${entry.type} plugin, not a ${type}`);
  const problems = checkInstalledPlugin(entry);
  if (problems.length) {
    throw new HoduError('E_PLUGIN_BROKEN', `plugin '${name}' cannot be loaded: ${problems.join('; ')}`, {
      hint: `run \`hodu plugin rebuild ${name}\` (or reinstall it with \`hodu plugin install --path ${entry.source.path} --force\`)`,
    });
  }
  return entry;
}

/**
 * Loads an installed backend plugin: native ones through bun:ffi, every session in a child process unless
 * `isolate: false` (a crash is then reported by hodu and recorded in plugins.json), JS ones through
 * `import()`. Throws E_PLUGIN_BROKEN (with a rebuild hint) when its checks fail, E_PLUGIN_DISABLED when
 * the user disabled it.
 */
export async function loadInstalledBackend(name: string, opts: { isolate?: boolean; timeoutMs?: number } = {}): Promise<BackendPlugin> {
  const entry = healthyEntry(name, 'backend');
  if (entry.disabled) throw pluginDisabled(name);
  if (entry.library) {
    const native = await nativeLoader();
    const lib = join(entry.path, entry.library);
    const isolate = opts.isolate ?? true;
    const info = isolate ? await native.probeIsolated(lib, { name, timeoutMs: opts.timeoutMs }) : native.probeNativeLibrary(lib, name);
    // The descriptor wins for runner/builder/devices; priority, ops and dtypes come from package.json.
    const caps = entry.type === 'backend' ? entry.capabilities : undefined;
    return native.loadNativeBackend(lib, info, {
      isolate,
      timeoutMs: opts.timeoutMs,
      capabilities: caps && { priority: caps.priority, ops: caps.ops, dtypes: caps.dtypes, devices: caps.devices },
      // Best effort: failing to record (e.g. a read-only HODU_HOME) must not hide the crash itself.
      onCrash: (crash) => recordPluginCrash(name, crash).catch(() => {}),
      // A builder's kernel library: the installed copy of its package (sources and package.json are kept there).
      library: async () => {
        const { readPluginPackage } = await import('./package-manifest');
        const { writeSdkHeaders } = await import('./build-native');
        const nativeSection = readPluginPackage(entry.path).hodu.native;
        if (!nativeSection) throw new HoduError('E_PLUGIN_BROKEN', `plugin '${name}': its installed package.json has no "native" section`, { hint: `reinstall it: hodu plugin install --path ${entry.source.path} --force` });
        return native.libraryRecipe(entry.path, nativeSection, [await writeSdkHeaders()]);
      },
    });
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
