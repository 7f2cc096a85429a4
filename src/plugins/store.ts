/**
 * The plugin store on disk, in one place: where a plugin is installed, how its file is fingerprinted, and
 * the error for a name that is not installed. install, remove, rebuild, plugin-state and plugin-test all
 * need these; keeping them here means none of those imports another for a helper.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMBEDDED_PLUGIN_NAMES } from '../embedded-plugins';
import { HoduError } from '../errors';
import { pluginsDir } from '../home';
import { didYouMean } from '../util/did-you-mean';
import type { PluginRegistry } from './plugins-json';

/** The install folder of a plugin (`@scope/name` nests one level). */
export function pluginInstallDir(name: string): string {
  return join(pluginsDir(), ...name.split('/'));
}

/** `sha256-<base64>` of a file, the integrity format npm uses. */
export function fileChecksum(path: string): string {
  const h = new Bun.CryptoHasher('sha256');
  h.update(readFileSync(path));
  return `sha256-${h.digest('base64')}`;
}

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
