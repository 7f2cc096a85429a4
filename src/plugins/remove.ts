import { existsSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HoduError } from '../errors';
import { didYouMean } from '../util/did-you-mean';
import { EMBEDDED_PLUGIN_NAMES } from '../embedded-plugins';
import { pluginInstallDir } from './install';
import { withPluginsLock } from './lock';
import { pluginsDir } from '../home';
import { readRegistry, writeRegistry, type InstalledPluginEntry, type PluginRegistry } from './registry-file';

/** E_PLUGIN_NOT_FOUND with a did-you-mean over installed names. */
export function pluginNotFound(name: string, registry: PluginRegistry): HoduError {
  const names = Object.keys(registry.plugins);
  if (EMBEDDED_PLUGIN_NAMES.includes(name)) {
    return new HoduError('E_PLUGIN_NOT_FOUND', `'${name}' is built into hodu, not an installed plugin`, { hint: 'built-in plugins cannot be removed or rebuilt' });
  }
  const guess = didYouMean(name, names);
  return new HoduError('E_PLUGIN_NOT_FOUND', `no installed plugin named '${name}'${names.length ? `; installed: ${names.join(', ')}` : ''}`, {
    hint: guess ? `did you mean '${guess}'?` : 'run `hodu plugin list` to see installed plugins',
  });
}

/** `hodu plugin remove NAME`: unregister first (so a crash never leaves an entry without a folder), then delete. */
export async function removePlugin(name: string): Promise<InstalledPluginEntry> {
  return withPluginsLock(() => {
    const registry = readRegistry();
    const entry = registry.plugins[name];
    if (!entry) throw pluginNotFound(name, registry);
    const dir = pluginInstallDir(name);
    // Rename first: the folder disappears atomically even if the recursive delete is interrupted.
    const trash = join(pluginsDir(), `.removed-${process.pid}-${Date.now()}`);
    if (existsSync(dir)) renameSync(dir, trash);
    const { [name]: _removed, ...rest } = registry.plugins;
    try {
      writeRegistry({ ...registry, plugins: rest });
    } catch (e) {
      if (existsSync(trash)) renameSync(trash, dir);
      throw e;
    }
    rmSync(trash, { recursive: true, force: true });
    removeEmptyScopeDir(dir);
    return entry;
  });
}

/** `@scope/name` lives in plugins/@scope/name: drop plugins/@scope once its last plugin is gone. */
export function removeEmptyScopeDir(pluginDir: string): void {
  const scope = dirname(pluginDir);
  if (scope === pluginsDir() || !existsSync(scope)) return;
  try {
    if (readdirSync(scope).length === 0) rmdirSync(scope);
  } catch {
    // Another process installed into the scope meanwhile (or it is not ours to remove): leave it.
  }
}
