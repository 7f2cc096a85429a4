import { join, resolve } from 'node:path';
import { loadConfigSync } from '../config/load';
import { keyDefault, type HoduConfig } from '../config/keys';
import { HoduError } from '../errors';
import { hoduHome } from '../home';
import { parseByteSize } from '../util/bytes-size';
import type { CacheSettings } from './store';

function expandHome(path: string, env: Record<string, string | undefined>): string {
  return path === '~' || path.startsWith('~/') ? (env.HOME ?? '~') + path.slice(1) : path;
}

/**
 * The rules, pure: HODU_CACHE_DIR > `[cache] dir` > $HODU_HOME/cache; `enabled` and `max_size` from the
 * config or their defaults. A relative dir is resolved against the working directory (as HODU_HOME is).
 */
export function resolveCacheSettings(config: HoduConfig, env: Record<string, string | undefined>, home: string): CacheSettings {
  const raw = env.HODU_CACHE_DIR || config.cache?.dir;
  const dir = raw ? resolve(expandHome(raw, env)) : join(home, 'cache');
  const size = config.cache?.max_size ?? (keyDefault('cache.max_size') as string);
  const maxSize = parseByteSize(size);
  if (maxSize === undefined) throw new HoduError('E_CONFIG', `cache.max_size in config.toml must be a size, got '${String(size)}'`, { hint: '`hodu config set cache.max_size 2GiB`' });
  const enabled = config.cache?.enabled ?? (keyDefault('cache.enabled') as boolean);
  return { dir, enabled, maxSize };
}

/** From config ([cache] dir, enabled, max_size) and HODU_CACHE_DIR; default dir $HODU_HOME/cache. */
export function cacheSettings(config: HoduConfig = loadConfigSync(), env: Record<string, string | undefined> = process.env, home = hoduHome()): CacheSettings {
  return resolveCacheSettings(config, env, home);
}
