import { existsSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pluginInstallDir, pluginNotFound } from './store';
import { withPluginsLock } from './lock';
import { pluginsDir } from '../home';
import { readRegistry, writeRegistry, type InstalledPluginEntry } from './plugins-json';

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
function removeEmptyScopeDir(pluginDir: string): void {
  const scope = dirname(pluginDir);
  if (scope === pluginsDir() || !existsSync(scope)) return;
  try {
    if (readdirSync(scope).length === 0) rmdirSync(scope);
  } catch {
    // Another process installed into the scope meanwhile (or it is not ours to remove): leave it.
  }
}
