/**
 * Every key config.toml accepts: one table that drives validation (schema.ts), `hodu config set` coercion,
 * `hodu config list` and the error messages ("expected …"). Defaults are what hodu uses when a key is unset;
 * no registry or update host is built in, so those default to unset.
 */
import { BYTE_SIZE_EXAMPLES } from '../util/bytes-size';
import { DURATION_EXAMPLES } from './duration';

import { LOG_LEVELS, type LogLevel } from '../util/log-levels';

export { LOG_LEVELS, type LogLevel };

type KeyKind =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'string' }
  | { kind: 'path' }
  | { kind: 'url' }
  | { kind: 'integer'; min: number }
  | { kind: 'size' }
  | { kind: 'duration' }
  | { kind: 'boolean' };

export type ConfigKey = KeyKind & {
  /** Dotted key: `section.name`. */
  key: string;
  description: string;
  /** The default as shown to users (undefined: unset, meaning described in `description`). */
  default?: string | number | boolean;
  /** Environment variable that overrides this key. */
  env?: string;
  /**
   * Set while no command reads the key yet (what will use it): `config set` says so, `config list` marks it,
   * so a value that changes nothing is never accepted silently.
   */
  notUsedYet?: string;
};

export const CONFIG_KEYS: readonly ConfigKey[] = [
  { key: 'log.level', kind: 'enum', values: LOG_LEVELS, default: 'warn', env: 'HODU_LOG', description: 'Lowest level logged to stderr and the log file' },
  { key: 'log.format', kind: 'enum', values: ['text', 'json'], default: 'text', description: 'Log line format: text, or one JSON object per line' },
  { key: 'log.file', kind: 'path', description: 'Also append log lines to this file (unset: stderr only)' },
  { key: 'runtime.threads', kind: 'integer', min: 0, default: 0, env: 'HODU_THREADS', description: 'Worker threads for backends (0 = backend default)' },
  { key: 'runtime.max_memory', kind: 'size', env: 'HODU_MAX_MEMORY', description: 'Refuse runs whose planned tensors need more than this (unset: no limit)' },
  { key: 'runtime.backend', kind: 'string', env: 'HODU_BACKEND', description: 'Backend used when --backend is not given (unset: best available)' },
  { key: 'runtime.device', kind: 'string', default: 'cpu', env: 'HODU_DEVICE', description: 'Device used when --device is not given' },
  { key: 'cache.dir', kind: 'path', env: 'HODU_CACHE_DIR', description: 'Compile cache folder (unset: $HODU_HOME/cache)' },
  { key: 'cache.enabled', kind: 'boolean', default: true, description: 'Keep compiled models and kernel libraries in the compile cache (false: build every time)' },
  { key: 'cache.max_size', kind: 'size', default: '2GiB', description: 'Size above which the compile cache evicts least recently used entries' },
  { key: 'network.proxy', kind: 'url', description: 'HTTP(S) proxy for self-update downloads (unset: HTTPS_PROXY/HTTP_PROXY from the environment)' },
  { key: 'network.timeout_ms', kind: 'integer', min: 1, default: 30000, description: 'Network timeout in milliseconds' },
  { key: 'registry.url', kind: 'url', description: 'npm-compatible registry for plugins (unset: none configured)', notUsedYet: 'installing plugins from a registry (plugin install takes --path only)' },
  { key: 'update.channel', kind: 'enum', values: ['stable', 'beta', 'nightly'], default: 'stable', description: 'Release channel for self-update' },
  { key: 'update.url', kind: 'url', env: 'HODU_UPDATE_URL', description: 'Release server for self-update (unset: the one built into release binaries, if any)' },
  { key: 'update.check_interval', kind: 'duration', default: '24h', description: 'How often to check for a new release ("0": never)' },
  { key: 'update.check', kind: 'boolean', default: true, env: 'HODU_NO_UPDATE_CHECK', description: 'Check for new releases in the background (HODU_NO_UPDATE_CHECK=1 turns it off)' },
];

export const SECTIONS = [...new Set(CONFIG_KEYS.map((k) => k.key.split('.')[0]!))];

export function findConfigKey(key: string): ConfigKey | undefined {
  return CONFIG_KEYS.find((k) => k.key === key);
}

/** A key's default, as the table above states it (the one place defaults are written). */
export function keyDefault(key: string): string | number | boolean | undefined {
  const k = findConfigKey(key);
  if (!k) throw new Error(`no config key '${key}'`);
  return k.default;
}

/** What a key accepts, for messages: "one of error, warn, info, debug, trace". */
export function expectedText(k: KeyKind): string {
  switch (k.kind) {
    case 'enum':
      return `one of ${k.values.map((v) => `"${v}"`).join(', ')}`;
    case 'string':
      return 'a string';
    case 'path':
      return 'a path (string)';
    case 'url':
      return 'a URL such as "http://host:8080/" (string)';
    case 'integer':
      return k.min === 0 ? 'a non-negative integer' : `an integer ≥ ${k.min}`;
    case 'size':
      return `a size such as ${BYTE_SIZE_EXAMPLES}`;
    case 'duration':
      return `a duration such as ${DURATION_EXAMPLES}`;
    case 'boolean':
      return 'true or false';
  }
}

/** The parsed config file (every key optional; values already validated). */
export interface HoduConfig {
  log?: { level?: LogLevel; format?: 'text' | 'json'; file?: string };
  runtime?: { threads?: number; max_memory?: string | number; backend?: string; device?: string };
  cache?: { dir?: string; enabled?: boolean; max_size?: string | number };
  network?: { proxy?: string; timeout_ms?: number };
  registry?: { url?: string };
  update?: { channel?: 'stable' | 'beta' | 'nightly'; url?: string; check_interval?: string; check?: boolean };
}
