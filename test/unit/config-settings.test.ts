import { describe, expect, test } from 'bun:test';
import { HoduError } from '../../src/errors';
import { parseLogSpec, resolveSettings, type SettingSource, type SettingsFlags } from '../../src/config/settings';
import type { HoduConfig } from '../../src/config/keys';
import { parseByteSize, formatByteSize } from '../../src/util/bytes-size';
import { parseDuration } from '../../src/config/duration';

const home = '/tmp/hodu-home';

describe('precedence: flags > env > config > defaults', () => {
  const config: HoduConfig = { runtime: { threads: 3, backend: 'from-config', device: 'gpu-config', max_memory: '1GiB' } };
  const env = { HODU_THREADS: '2', HODU_BACKEND: 'from-env', HODU_DEVICE: 'gpu-env', HODU_MAX_MEMORY: '512MB' };
  const flags: SettingsFlags = { threads: '1', backend: 'from-flag', device: 'gpu-flag', maxMemory: '1KiB' };
  // [case, flags, env, config, expected threads/backend/device/maxMemory with the source that won]
  const table: [string, SettingsFlags, Record<string, string>, HoduConfig, [number, string | undefined, string, number | undefined, SettingSource]][] = [
    ['all layers: the flag wins', flags, env, config, [1, 'from-flag', 'gpu-flag', 1024, 'flag']],
    ['no flags: env wins', {}, env, config, [2, 'from-env', 'gpu-env', 512_000_000, 'env']],
    ['no flags, no env: config wins', {}, {}, config, [3, 'from-config', 'gpu-config', 2 ** 30, 'config']],
    ['nothing set: defaults', {}, {}, {}, [0, undefined, 'cpu', undefined, 'default']],
    ['empty env values count as unset', {}, { HODU_THREADS: '', HODU_BACKEND: '' }, config, [3, 'from-config', 'gpu-config', 2 ** 30, 'config']],
  ];
  for (const [name, f, e, c, [threads, backend, device, maxMemory, source]] of table) {
    test(name, () => {
      const s = resolveSettings({ flags: f, env: e, config: c, home });
      expect([s.threads.value, s.backend.value, s.device.value, s.maxMemory.value]).toEqual([threads, backend, device, maxMemory]);
      expect([s.threads.source, s.backend.source, s.device.source, s.maxMemory.source]).toEqual([source, source, source, source]);
    });
  }

  test('layers mix per setting: flag threads, env backend, config device', () => {
    const s = resolveSettings({ flags: { threads: '8' }, env: { HODU_BACKEND: 'b' }, config: { runtime: { device: 'd' } }, home });
    expect([s.threads.from, s.backend.from, s.device.from]).toEqual(['--threads', 'HODU_BACKEND', 'runtime.device in config.toml']);
  });

  test('a bad flag is a usage error, a bad variable names the variable', () => {
    const flagErr = (() => { try { resolveSettings({ flags: { threads: 'four' }, home, cores: 2 }); } catch (e) { return e; } })() as HoduError;
    expect(flagErr.code).toBe('E_USAGE');
    expect(flagErr.exitCode).toBe(2);
    expect(flagErr.message).toBe("--threads must be an integer from 1 to 64 (the larger of 64 and 4 × 2 cores), got 'four'");
    const envErr = (() => { try { resolveSettings({ env: { HODU_MAX_MEMORY: 'lots' }, home }); } catch (e) { return e; } })() as HoduError;
    expect(envErr.code).toBe('E_ENV');
    expect(envErr.message).toContain("HODU_MAX_MEMORY must be a size");
    expect(envErr.hint).toContain('unset HODU_MAX_MEMORY');
  });

  test('log level: HODU_LOG over [log] level; modules from HODU_LOG', () => {
    const s = resolveSettings({ env: { HODU_LOG: 'info,plugins=trace' }, config: { log: { level: 'error', format: 'json' } }, home });
    expect(s.log).toEqual({ level: 'info', modules: { plugins: 'trace' }, format: 'json', file: undefined });
    const d = resolveSettings({ env: { HODU_LOG: 'plugins=debug' }, config: { log: { level: 'error' } }, home });
    expect(d.log.level).toBe('error');
  });

  test('defaults for log, network, update; ~ in paths', () => {
    const s = resolveSettings({ env: { HOME: '/home/u' }, config: { log: { file: '~/hodu.log' } }, home });
    expect(s.log).toEqual({ level: 'warn', modules: {}, format: 'text', file: '/home/u/hodu.log' });
    expect(s.network).toEqual({ proxy: undefined, timeoutMs: 30_000 });
    expect(s.update).toEqual({ url: undefined });
    expect(resolveSettings({ home }).device).toEqual({ value: 'cpu', source: 'default', from: 'default' });
  });
});

describe('HODU_LOG', () => {
  test('bare level, module pairs, case and spaces', () => {
    expect(parseLogSpec('warn,plugins=debug')).toEqual({ level: 'warn', modules: { plugins: 'debug' } });
    expect(parseLogSpec(' DEBUG ')).toEqual({ level: 'debug', modules: {} });
    expect(parseLogSpec('run=trace, plugins.native = info')).toEqual({ level: undefined, modules: { run: 'trace', 'plugins.native': 'info' } });
  });
  test('an unknown level is an E_ENV error listing the levels', () => {
    expect(() => parseLogSpec('verbose')).toThrow("HODU_LOG: 'verbose' is not a level or module=level (levels: error, warn, info, debug, trace)");
    expect(() => parseLogSpec('=debug')).toThrow(HoduError);
  });
});

describe('sizes and durations', () => {
  test('parseByteSize: decimal, binary, bare letters, exponents, numbers', () => {
    expect(parseByteSize('2GiB')).toBe(2 * 1024 ** 3);
    expect(parseByteSize('512MB')).toBe(512_000_000);
    expect(parseByteSize('1e9')).toBe(1_000_000_000);
    expect(parseByteSize('1.5 KiB')).toBe(1536);
    expect(parseByteSize('4g')).toBe(4 * 1024 ** 3);
    expect(parseByteSize('100')).toBe(100);
    expect(parseByteSize(4096)).toBe(4096);
    for (const bad of ['', 'GiB', '-1MB', '2 parsecs', '1e400']) expect(parseByteSize(bad)).toBeUndefined();
  });
  test('formatByteSize', () => {
    expect(formatByteSize(1000)).toBe('1000 B');
    expect(formatByteSize(1024)).toBe('1 KiB');
    expect(formatByteSize(1536)).toBe('1.5 KiB');
    expect(formatByteSize(3 * 1024 ** 3)).toBe('3 GiB');
  });
  test('parseDuration', () => {
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('24')).toBeUndefined();
    expect(parseDuration('1y')).toBeUndefined();
  });
});

test('threads are bounded: 1..max(64, 4 × cores) from flag and env; config also allows its documented 0', () => {
  const err = (input: Parameters<typeof resolveSettings>[0]) => {
    try {
      resolveSettings(input);
    } catch (e) {
      return e as HoduError;
    }
    throw new Error('no error');
  };
  for (const bad of ['99999999', '1e308', '0', '-1', '1.5', 'abc', '65']) {
    const f = err({ flags: { threads: bad }, home, cores: 2 });
    expect([f.code, f.exitCode]).toEqual(['E_USAGE', 2]);
    expect(f.message).toBe(`--threads must be an integer from 1 to 64 (the larger of 64 and 4 × 2 cores), got '${bad}'`);
    expect(f.hint).toContain('leave --threads out');
    const e = err({ env: { HODU_THREADS: bad }, home, cores: 2 });
    expect([e.code, e.exitCode]).toEqual(['E_ENV', 1]);
    expect(e.message).toStartWith('HODU_THREADS must be an integer from 1 to 64');
    expect(e.hint).toContain('unset HODU_THREADS');
  }
  const none = err({ flags: { threads: '' }, home, cores: 2 });
  expect([none.code, none.message]).toEqual(['E_USAGE', '--threads needs a value: an integer from 1 to 64']);
  const c = err({ config: { runtime: { threads: 100_000 } }, home, cores: 2 });
  expect(c.code).toBe('E_CONFIG');
  expect(c.message).toBe("runtime.threads in config.toml must be 0 (backend default) or an integer from 1 to 64 (the larger of 64 and 4 × 2 cores), got '100000'");
  expect(c.hint).toContain('hodu config unset runtime.threads');
  // The bound grows with the machine; the edges are accepted.
  expect(resolveSettings({ flags: { threads: '128' }, home, cores: 32 }).threads.value).toBe(128);
  expect(err({ flags: { threads: '129' }, home, cores: 32 }).message).toContain('from 1 to 128 (the larger of 64 and 4 × 32 cores)');
  expect(resolveSettings({ env: { HODU_THREADS: '1' }, home, cores: 2 }).threads.value).toBe(1);
  expect(resolveSettings({ config: { runtime: { threads: 0 } }, home, cores: 2 }).threads.value).toBe(0);
});

test('a bad --max-memory is a usage error with an example, a bad HODU_MAX_MEMORY an env error saying to unset it', () => {
  const err = (input: Parameters<typeof resolveSettings>[0]) => {
    try {
      resolveSettings(input);
    } catch (e) {
      return e as HoduError;
    }
    throw new Error('no error');
  };
  const f = err({ flags: { maxMemory: 'abc' }, home });
  expect([f.code, f.exitCode, f.hint]).toEqual(['E_USAGE', 2, 'e.g. --max-memory 2GiB; leave it out for no limit']);
  const e = err({ env: { HODU_MAX_MEMORY: 'abc' }, home });
  expect([e.code, e.exitCode, e.hint]).toEqual(['E_ENV', 1, 'fix or unset HODU_MAX_MEMORY (e.g. `unset HODU_MAX_MEMORY`)']);
});
