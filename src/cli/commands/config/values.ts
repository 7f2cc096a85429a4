/** Shared by `config list` and `config get`: each key's value in the file, its default and env override. */
import type { ConfigKey } from '../../../config/keys';

export interface KeyValue {
  key: string;
  /** The value in effect from the file, else the default (undefined: unset, no default). */
  value: unknown;
  source: 'config' | 'default' | 'unset';
  default?: unknown;
  /** The environment variable overriding it right now, if set. */
  overriddenBy?: string;
  description: string;
}

export function keyValue(k: ConfigKey, data: Record<string, unknown>, env: Record<string, string | undefined>): KeyValue {
  const [section, name] = [k.key.slice(0, k.key.indexOf('.')), k.key.slice(k.key.indexOf('.') + 1)];
  const sec = data[section];
  const inFile = sec && typeof sec === 'object' ? (sec as Record<string, unknown>)[name] : undefined;
  const overriddenBy = k.env && env[k.env] ? k.env : undefined;
  const base = { key: k.key, default: k.default, description: k.description, ...(overriddenBy ? { overriddenBy } : {}) };
  if (inFile !== undefined) return { ...base, value: typeof inFile === 'bigint' ? Number(inFile) : inFile, source: 'config' };
  if (k.default !== undefined) return { ...base, value: k.default, source: 'default' };
  return { ...base, value: undefined, source: 'unset' };
}

export function showValue(v: unknown): string {
  return v === undefined ? '' : typeof v === 'string' ? v : String(v);
}
