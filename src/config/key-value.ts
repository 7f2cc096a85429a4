/**
 * Each key's effective value and where it comes from (`hodu config list` and `config get` show it), with the
 * precedence hodu uses (src/config/settings.ts): environment variable > config.toml > default.
 */
import type { ConfigKey } from './keys';
import { isTruthyEnv, parseLogSpec } from './settings';

export interface KeyValue {
  key: string;
  /** The value in effect (undefined: unset, no default). */
  value: unknown;
  source: 'env' | 'config' | 'default' | 'unset';
  /** The environment variable the value comes from (source 'env'). */
  env?: string;
  /** The value in config.toml that the environment variable overrides. */
  configValue?: unknown;
  default?: unknown;
  description: string;
}

/** What an environment variable makes of a key, read as hodu reads it; undefined when it does not override it. */
function envValue(k: ConfigKey, raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (k.env === 'HODU_NO_UPDATE_CHECK') return isTruthyEnv(raw) ? false : undefined;
  if (k.env === 'HODU_LOG') {
    try {
      // `HODU_LOG=plugins=debug` sets a module's level only: log.level still applies.
      return parseLogSpec(raw).level;
    } catch {
      return raw; // invalid: shown as given (a run reports it as E_ENV)
    }
  }
  if ((k.kind === 'integer' || k.kind === 'size') && /^\s*\d+\s*$/.test(raw)) return Number(raw);
  return raw;
}

export function keyValue(k: ConfigKey, data: Record<string, unknown>, env: Record<string, string | undefined>): KeyValue {
  const [section, name] = [k.key.slice(0, k.key.indexOf('.')), k.key.slice(k.key.indexOf('.') + 1)];
  const sec = data[section];
  const raw = sec && typeof sec === 'object' ? (sec as Record<string, unknown>)[name] : undefined;
  const inFile = typeof raw === 'bigint' ? Number(raw) : raw;
  const base = { key: k.key, default: k.default, description: k.description };
  const fromEnv = k.env ? envValue(k, env[k.env]) : undefined;
  if (fromEnv !== undefined) return { ...base, value: fromEnv, source: 'env', env: k.env, ...(inFile !== undefined ? { configValue: inFile } : {}) };
  if (inFile !== undefined) return { ...base, value: inFile, source: 'config' };
  if (k.default !== undefined) return { ...base, value: k.default, source: 'default' };
  return { ...base, value: undefined, source: 'unset' };
}
