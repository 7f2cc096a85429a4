/**
 * The compile cache: built models and kernel libraries kept by key under $HODU_HOME/cache (docs/cache.md).
 * `hodu build` and `hodu run --backend cpu` call cachedBuild; `hodu cache status/clean` read and prune it.
 */
export { cacheKey } from './key';
export { cacheSettings, resolveCacheSettings } from './settings';
export { cachedBuild, type CacheEntry, type CacheMeta, type CacheSettings } from './store';
export { cacheStatus, type CacheStatus } from './status';
export { cleanCache, type CleanFilter, type CleanResult } from './clean';
/** sha256 hex of a file's bytes, streamed: what meta.modelSha256 holds, and what `clean --model FILE` compares. */
export { hashFile as fileSha256 } from './verify';
