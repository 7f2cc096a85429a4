import type { KeyValue } from '../../config/key-value';

/** The SOURCE column: config.toml, default, env NAME, or — for unset. */
export function sourceText(v: KeyValue): string {
  return v.source === 'env' ? `env ${v.env}` : v.source === 'config' ? 'config.toml' : v.source === 'default' ? 'default' : '—';
}

export function showValue(v: unknown): string {
  return v === undefined ? '' : typeof v === 'string' ? v : String(v);
}
