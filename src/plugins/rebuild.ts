import { readRegistry } from './plugins-json';
import { installPackage, type InstallOptions, type InstallResult } from './install';
import { pluginInstallDir, pluginNotFound } from './store';

/**
 * `hodu plugin rebuild NAME`: rebuilds the installed copy (so it works even when the original source folder
 * is gone), e.g. after a hodu upgrade changed the SDK headers, or to switch between release and debug.
 */
export async function rebuildPlugin(name: string, opts: Pick<InstallOptions, 'debug' | 'onEvent'> = {}): Promise<InstallResult> {
  const registry = readRegistry();
  const entry = registry.plugins[name];
  if (!entry) throw pluginNotFound(name, registry);
  return installPackage(pluginInstallDir(name), entry.source, { ...opts, force: true });
}
