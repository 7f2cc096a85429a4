import { homedir } from 'node:os';
import { join } from 'node:path';

/** `$HODU_HOME` (default `~/.hodu`): config.toml, plugins/, cache/, downloads/. */
export function hoduHome(): string {
  return process.env.HODU_HOME || join(homedir(), '.hodu');
}

export function pluginsDir(): string {
  return join(hoduHome(), 'plugins');
}

/** The installed-plugin registry file. */
export function pluginsFile(): string {
  return join(pluginsDir(), 'plugins.json');
}

/** Where the host writes the C SDK headers plugins compile against. */
export function sdkIncludeDir(): string {
  return join(hoduHome(), 'sdk', 'include');
}
