import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

// Every path under $HODU_HOME is named here, once, in a module that imports nothing of hodu's own: config,
// update, doctor and plugins all need these paths, and none of them should import another to get one.

/**
 * `$HODU_HOME` (default `~/.hodu`): config.toml, plugins/, cache/, downloads/. Always absolute: a relative
 * HODU_HOME is resolved against the working directory here, where it is read, so paths stored in
 * plugins.json keep working from any other folder.
 */
export function hoduHome(): string {
  return resolve(process.env.HODU_HOME || join(homedir(), '.hodu'));
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

/** The user's settings file. */
export function configFile(): string {
  return join(hoduHome(), 'config.toml');
}

/** The last answer of the background update check. */
export function updateCheckFile(): string {
  return join(hoduHome(), 'update-check.json');
}

/** `hodu build`'s compiler logs (one file per build). */
export function buildLogsDir(): string {
  return join(hoduHome(), 'logs');
}

/** Backend sources written out for `hodu build` (the embedded cpu backend's, once per version). */
export function buildSourcesDir(): string {
  return join(hoduHome(), 'build');
}
