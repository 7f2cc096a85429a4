/**
 * Every user setting resolved in one place, with one precedence: flags > environment > config.toml >
 * defaults. Pure: the caller passes the flags, the environment and the validated config, so the rules are
 * tested with a table. Each setting remembers where it came from, for debug logs and error messages.
 */
import { HoduError } from '../errors';
import { keyDefault, LOG_LEVELS, type HoduConfig, type LogLevel } from './keys';
import { BYTE_SIZE_EXAMPLES, parseByteSize } from '../util/bytes-size';

export type SettingSource = 'flag' | 'env' | 'config' | 'default';

export interface Setting<T> {
  value: T;
  source: SettingSource;
  /** Human name of the source: "--threads", "HODU_THREADS", "runtime.threads in config.toml", "default". */
  from: string;
}

/** Flags as citty gives them: undefined when not on the command line. */
export interface SettingsFlags {
  threads?: string;
  backend?: string;
  device?: string;
  maxMemory?: string;
}

interface SettingsInput {
  flags?: SettingsFlags;
  env?: Record<string, string | undefined>;
  config?: HoduConfig;
  /** $HODU_HOME, already resolved. */
  home: string;
  /** CPU cores, for the upper bound of `threads` (default: this machine's). */
  cores?: number;
}

interface LogSettings {
  level: LogLevel;
  /** Per-module levels from HODU_LOG (`warn,plugins=debug`). */
  modules: Record<string, LogLevel>;
  format: 'text' | 'json';
  file?: string;
}

export interface Settings {
  home: string;
  threads: Setting<number>;
  backend: Setting<string | undefined>;
  device: Setting<string>;
  maxMemory: Setting<number | undefined>;
  log: LogSettings;
  /** `[update]` as doctor reports it (self-update and the update notice read their keys in src/update/). */
  update: { url?: string };
  network: { proxy?: string; timeoutMs: number };
}

type Layer<T> = [source: SettingSource, from: string, raw: unknown, parse: (raw: unknown, from: string) => T];

/** The first layer that is set wins (flags are listed first, defaults last). */
function resolve<T>(layers: Layer<T>[], fallback: T): Setting<T> {
  for (const [source, from, raw, parse] of layers) {
    if (raw === undefined || raw === '') continue;
    return { value: parse(raw, from), source, from };
  }
  return { value: fallback, source: 'default', from: 'default' };
}

function badValue(source: SettingSource, from: string, raw: unknown, expected: string, example: string): HoduError {
  if (source === 'flag') return new HoduError('E_USAGE', `${from} must be ${expected}, got '${String(raw)}'`, { hint: `e.g. ${from} ${example}` });
  return new HoduError('E_ENV', `${from} must be ${expected}, got '${String(raw)}'`, { hint: `fix or unset ${from} (e.g. \`unset ${from}\`)` });
}

const asString = (raw: unknown) => String(raw);

/** The most threads hodu accepts: a few per core, never less than 64 (more only exhausts memory). */
function maxThreads(cores = navigator.hardwareConcurrency || 1): number {
  return Math.max(64, 4 * cores);
}

/**
 * Threads: an integer in 1..maxThreads. Each thread is a Worker with its own heap, so `--threads 99999999`
 * would spawn workers until memory runs out. 0 is the documented "backend default" only in config.toml
 * (its default value); on the command line or in HODU_THREADS the way to ask for the default is to omit it.
 */
function asThreads(source: SettingSource, cores: number | undefined) {
  return (raw: unknown, from: string): number => {
    const max = maxThreads(cores);
    const n = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(String(raw)) ? Number(raw) : NaN;
    if (Number.isSafeInteger(n) && n >= 1 && n <= max) return n;
    if (source === 'config' && n === 0) return 0;
    const range = `${source === 'config' ? '0 (backend default) or ' : ''}an integer from 1 to ${max}`;
    const what = `${from} must be ${range} (${maxThreadsReason(cores)}), got '${String(raw)}'`;
    if (source === 'flag') throw new HoduError('E_USAGE', what, { hint: 'e.g. --threads 2; leave --threads out for the backend default' });
    if (source === 'env') throw new HoduError('E_ENV', what, { hint: 'e.g. HODU_THREADS=2, or `unset HODU_THREADS` for the backend default' });
    throw new HoduError('E_CONFIG', what, { hint: '`hodu config set runtime.threads 2`, or `hodu config unset runtime.threads` for the backend default' });
  };
}

function maxThreadsReason(cores: number | undefined): string {
  const c = cores ?? (navigator.hardwareConcurrency || 1);
  return `the larger of 64 and 4 × ${c} core${c === 1 ? '' : 's'}`;
}

function asSize(source: SettingSource) {
  return (raw: unknown, from: string): number => {
    const n = parseByteSize(raw as string | number);
    if (n === undefined) throw badValue(source, from, raw, `a size such as ${BYTE_SIZE_EXAMPLES}`, '2GiB; leave it out for no limit');
    return n;
  };
}

/** `HODU_LOG=warn,plugins=debug`: an optional bare level plus `module=level` pairs. */
export function parseLogSpec(spec: string, from = 'HODU_LOG'): { level?: LogLevel; modules: Record<string, LogLevel> } {
  const modules: Record<string, LogLevel> = {};
  let level: LogLevel | undefined;
  const isLevel = (s: string): s is LogLevel => (LOG_LEVELS as readonly string[]).includes(s);
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [mod, lvl] = part.includes('=') ? part.split('=', 2).map((s) => s.trim().toLowerCase()) : [undefined, part.toLowerCase()];
    if (!isLevel(lvl!) || mod === '') {
      throw new HoduError('E_ENV', `${from}: '${part}' is not a level or module=level (levels: ${LOG_LEVELS.join(', ')})`, {
        hint: `e.g. ${from}=debug or ${from}=warn,plugins=debug`,
      });
    }
    if (mod) modules[mod] = lvl;
    else level = lvl;
  }
  return { level, modules };
}

/** How boolean switches in the environment read: set, and not "", "0" or "false". */
export const isTruthyEnv = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

function expandHome(path: string, env: Record<string, string | undefined>): string {
  return path === '~' || path.startsWith('~/') ? (env.HOME ?? '~') + path.slice(1) : path;
}

/** Resolves every setting: flags > env > config > defaults. Throws E_USAGE (bad flag) or E_ENV (bad variable). */
export function resolveSettings(input: SettingsInput): Settings {
  const flags = input.flags ?? {};
  const env = input.env ?? {};
  const cfg = input.config ?? {};
  const inConfig = (key: string) => `${key} in config.toml`;

  // `--threads ''` (an empty value; `--threads` with none at all is refused by checkArgs, `--threads -1` reaches here as '-1').
  if (flags.threads === '') {
    throw new HoduError('E_USAGE', `--threads needs a value: an integer from 1 to ${maxThreads(input.cores)}`, { hint: 'e.g. --threads 2; leave --threads out for the backend default' });
  }
  const threads = resolve<number>(
    [
      ['flag', '--threads', flags.threads, asThreads('flag', input.cores)],
      ['env', 'HODU_THREADS', env.HODU_THREADS, asThreads('env', input.cores)],
      ['config', inConfig('runtime.threads'), cfg.runtime?.threads, asThreads('config', input.cores)],
    ],
    keyDefault('runtime.threads') as number,
  );
  const backend = resolve<string | undefined>(
    [
      ['flag', '--backend', flags.backend, asString],
      ['env', 'HODU_BACKEND', env.HODU_BACKEND, asString],
      ['config', inConfig('runtime.backend'), cfg.runtime?.backend, asString],
    ],
    undefined,
  );
  const device = resolve<string>(
    [
      ['flag', '--device', flags.device, asString],
      ['env', 'HODU_DEVICE', env.HODU_DEVICE, asString],
      ['config', inConfig('runtime.device'), cfg.runtime?.device, asString],
    ],
    keyDefault('runtime.device') as string,
  );
  const maxMemory = resolve<number | undefined>(
    [
      ['flag', '--max-memory', flags.maxMemory, asSize('flag')],
      ['env', 'HODU_MAX_MEMORY', env.HODU_MAX_MEMORY, asSize('env')],
      ['config', inConfig('runtime.max_memory'), cfg.runtime?.max_memory, asSize('config')],
    ],
    undefined,
  );

  const logEnv = env.HODU_LOG ? parseLogSpec(env.HODU_LOG) : { level: undefined, modules: {} };
  const log: LogSettings = {
    level: logEnv.level ?? cfg.log?.level ?? (keyDefault('log.level') as LogLevel),
    modules: logEnv.modules,
    format: cfg.log?.format ?? (keyDefault('log.format') as LogSettings['format']),
    file: cfg.log?.file ? expandHome(cfg.log.file, env) : undefined,
  };

  return {
    home: input.home,
    threads,
    backend,
    device,
    maxMemory,
    log,
    update: { url: cfg.update?.url },
    network: { proxy: cfg.network?.proxy, timeoutMs: cfg.network?.timeout_ms ?? (keyDefault('network.timeout_ms') as number) },
  };
}

/**
 * A backend name nothing provides, when it came from HODU_BACKEND or config.toml rather than --backend: the
 * error says where the name came from and how to change it (else every run fails with no pointer to it).
 */
export function withBackendSource(e: unknown, backend: Setting<string | undefined>): unknown {
  if (!(e instanceof HoduError) || e.code !== 'E_NO_BACKEND' || !backend.value || !e.message.startsWith(`no backend named '${backend.value}'`)) return e;
  if (backend.source !== 'env' && backend.source !== 'config') return e;
  const fix = backend.source === 'env' ? 'or unset HODU_BACKEND' : 'or change it: `hodu config set runtime.backend NAME` / `hodu config unset runtime.backend`';
  return HoduError.fromCode(e.code, `${e.message} (from ${backend.from})`, { hint: `${e.hint}; ${fix}`, cause: e });
}
