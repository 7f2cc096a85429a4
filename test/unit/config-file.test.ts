import { describe, expect, test } from 'bun:test';
import { HoduError } from '../../src/errors';
import { editConfigText, setInText, unsetInText, coerceConfigValue } from '../../src/config/edit';
import { findConfigKey } from '../../src/config/keys';
import { configProblemsError, parseConfigText } from '../../src/config/load';
import { locateKey } from '../../src/config/locate';
import { validateConfig } from '../../src/config/schema';
import { configTemplate } from '../../src/config/template';

const P = '/h/config.toml';

async function rejects(p: Promise<unknown>): Promise<HoduError> {
  try {
    await p;
  } catch (e) {
    return e as HoduError;
  }
  throw new Error('expected a rejection');
}

describe('reading config.toml', () => {
  test('a TOML syntax error names file, line and column', async () => {
    const e = await rejects(parseConfigText('[log]\nlevel = "debug"\nthreads = = 4\n', P));
    expect(e.code).toBe('E_CONFIG');
    // Line 3, column 11: the second '=' (1-based).
    expect(e.message).toStartWith('/h/config.toml:3:11: Unexpected character');
    expect(e.hint).toContain('hodu config edit');
  });

  test('wrong types and unknown keys: file, line, dotted key, expected type, hint', async () => {
    const text = '# mine\n[runtime]\nthreads = "four"\nmax_memory = "lots"\n\n[log]\nlevle = "debug"\n';
    const r = validateConfig(await parseConfigText(text, P));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = configProblemsError(P, text, r.problems);
    expect(e.code).toBe('E_CONFIG');
    expect(e.message.split('\n  ')).toEqual([
      `/h/config.toml:3:1: 'runtime.threads' must be a non-negative integer, got "four" (string)`,
      `/h/config.toml:4:1: 'runtime.max_memory' must be a size such as "2GiB", "512MB", "1e9" or a number of bytes, got "lots" (string)`,
      `/h/config.toml:7:1: unknown key 'log.levle'`,
    ]);
    expect(e.hint).toBe('fix it in /h/config.toml (`hodu config edit`) or run `hodu config unset runtime.threads`');
    const unknownOnly = validateConfig(await parseConfigText('[log]\nlevle = "debug"\n', P));
    if (unknownOnly.ok) throw new Error('unreachable');
    expect(configProblemsError(P, '[log]\nlevle = "debug"\n', unknownOnly.problems).hint).toStartWith("did you mean 'log.level'? remove it from /h/config.toml");
  });

  test('each kind of key: accepted and rejected values', () => {
    const ok = validateConfig({
      log: { level: 'trace', format: 'json', file: '/tmp/x.log' },
      runtime: { threads: 0, max_memory: 1024, backend: 'interp', device: 'cpu' },
      cache: { dir: '/c', max_size: '10GB' },
      network: { proxy: 'http://proxy:3128', timeout_ms: 1 },
      registry: { url: 'https://registry.example/' },
      update: { channel: 'nightly', url: 'http://127.0.0.1:1/', check_interval: '12h', check: false },
    });
    expect(ok.ok).toBe(true);
    const bad = (data: unknown) => {
      const r = validateConfig(data);
      return r.ok ? [] : r.problems.map((p) => p.message);
    };
    expect(bad({ log: { level: 'loud' } })).toEqual([`'log.level' must be one of "error", "warn", "info", "debug", "trace", got "loud" (string)`]);
    expect(bad({ runtime: { threads: 1.5 } })).toEqual([`'runtime.threads' must be a non-negative integer, got 1.5 (float)`]);
    expect(bad({ runtime: { threads: -1 } })).toEqual([`'runtime.threads' must be a non-negative integer, got -1 (integer)`]);
    expect(bad({ network: { timeout_ms: 0 } })).toEqual([`'network.timeout_ms' must be an integer ≥ 1, got 0 (integer)`]);
    expect(bad({ network: { proxy: 'not a url' } })[0]).toStartWith(`'network.proxy' must be a URL`);
    expect(bad({ update: { check: 'yes' } })).toEqual([`'update.check' must be true or false, got "yes" (string)`]);
    expect(bad({ update: { check_interval: '1y' } })[0]).toStartWith(`'update.check_interval' must be a duration`);
    expect(bad({ runtime: 3 })).toEqual([`'runtime' must be a table ([runtime]), got 3 (integer)`]);
    expect(bad({ plugins: {} })).toEqual(['unknown section [plugins]']);
  });

  test('locateKey follows sections, dotted keys and falls back to the section', () => {
    const text = 'a = 1\n[log]\n  level = "x"\n[runtime]\ncache.dir = "y"\n';
    expect(locateKey(text, 'log.level')).toEqual({ line: 3, col: 3 });
    expect(locateKey(text, 'runtime.cache.dir')).toEqual({ line: 5, col: 1 });
    expect(locateKey(text, 'log.nope')).toEqual({ line: 2, col: 1 });
    expect(locateKey(text, 'zzz.y')).toBeUndefined();
  });

  test('the edit template parses and is valid (everything commented)', async () => {
    const data = await parseConfigText(configTemplate(), P);
    expect(data).toEqual({ log: {}, runtime: {}, cache: {}, network: {}, registry: {}, update: {} });
    expect(validateConfig(data).ok).toBe(true);
    // Keys no command reads yet say so where a user would set them.
    expect(configTemplate()).toContain('# npm-compatible registry for plugins (unset: none configured) [not used yet: for installing plugins from a registry');
  });
});

describe('editing config.toml', () => {
  const original = '# my settings\n[runtime]\nthreads = 2 # two is enough\n\n# logging\n[log]\nlevel = "info"\n';

  test('set replaces a value in place and keeps comments', async () => {
    const r = await editConfigText(original, P, 'runtime.threads', 8);
    expect(r.text).toBe('# my settings\n[runtime]\nthreads = 8 # two is enough\n\n# logging\n[log]\nlevel = "info"\n');
    expect(r.rewritten).toBe(false);
  });

  test('set adds a key at the end of its section, or a new section at the end', async () => {
    expect((await editConfigText(original, P, 'runtime.max_memory', '2GiB')).text).toBe('# my settings\n[runtime]\nthreads = 2 # two is enough\nmax_memory = "2GiB"\n\n# logging\n[log]\nlevel = "info"\n');
    expect((await editConfigText(original, P, 'update.check', false)).text).toBe(`${original}\n[update]\ncheck = false\n`);
    expect((await editConfigText('', P, 'log.level', 'debug')).text).toBe('[log]\nlevel = "debug"\n');
  });

  test('unset removes the line, and the table when it was its last key; unsetting an absent key changes nothing', async () => {
    const r = await editConfigText(original, P, 'log.level', undefined);
    // [log] had only this key: no empty table is left, nor the comment that introduced it.
    expect(r.text).toBe('# my settings\n[runtime]\nthreads = 2 # two is enough\n');
    expect(r.rewritten).toBe(false);
    expect((await editConfigText(r.text, P, 'runtime.threads', undefined)).text).toBe('# my settings\n');
    expect((await editConfigText(original, P, 'cache.dir', undefined)).changed).toBe(false);
  });

  test('unset takes the comment lines directly above the key; other keys and detached comments stay', async () => {
    const text = '[runtime]\n# four cores here\nthreads = 4\ndevice = "cpu"\n\n[log]\nlevel = "info"\n';
    const r = await editConfigText(text, P, 'runtime.threads', undefined);
    expect(r.text).toBe('[runtime]\ndevice = "cpu"\n\n[log]\nlevel = "info"\n');
    // A section whose only key goes but which holds a detached comment keeps the comment under its header.
    const kept = await editConfigText('[runtime]\n# notes about this machine\n\nthreads = 4\n', P, 'runtime.threads', undefined);
    expect(kept.text).toBe('[runtime]\n# notes about this machine\n\n');
    expect(kept.rewritten).toBe(false);
    // The middle table goes: one blank line is left between its neighbours.
    const middle = await editConfigText('[runtime]\nthreads = 4\n\n[log]\nlevel = "info"\n\n[update]\ncheck = false\n', P, 'log.level', undefined);
    expect(middle.text).toBe('[runtime]\nthreads = 4\n\n[update]\ncheck = false\n');
  });

  test('an invalid value is refused before writing, naming the expected type', async () => {
    const e = await rejects(editConfigText(original, P, 'runtime.threads', 'many'));
    expect(e.code).toBe('E_CONFIG_VALUE'); // a bad value given on the command line: a usage error (exit 2)
    expect(e.message).toBe(`'runtime.threads' must be a non-negative integer, got "many" (string)`);
    expect(e.hint).toBe('e.g. `hodu config set runtime.threads 0`');
  });

  test('fixing one bad key while another stays bad: written, the other reported', async () => {
    const r = await editConfigText('[runtime]\nthreads = "x"\n[log]\nlevel = "loud"\n', P, 'runtime.threads', 4);
    expect(r.text).toBe('[runtime]\nthreads = 4\n[log]\nlevel = "loud"\n');
    expect(r.otherProblems.map((p) => p.key)).toEqual(['log.level']);
  });

  test('inline tables and dotted keys fall back to re-serializing (and say so)', async () => {
    const inline = 'runtime = { threads = 2 }\n';
    expect(setInText(inline, 'runtime.threads', 3)).toBeUndefined();
    const r = await editConfigText(inline, P, 'runtime.threads', 3);
    expect(r.rewritten).toBe(true);
    expect(await parseConfigText(r.text, P)).toEqual({ runtime: { threads: 3 } });
    const dotted = 'log.level = "info"\n';
    expect(setInText(dotted, 'log.format', 'json')).toBeUndefined();
    const d = await editConfigText(dotted, P, 'log.format', 'json');
    expect(await parseConfigText(d.text, P)).toEqual({ log: { level: 'info', format: 'json' } });
    expect(unsetInText('x = """a\nb"""\n[log]\nlevel = "info"\n', 'log.level')).toBe('x = """a\nb"""\n');
  });

  test('a string with # and quotes survives a line edit', async () => {
    const r = await editConfigText('[log]\nfile = "/tmp/a#b.log" # where\n', P, 'log.file', '/var/log/"x".log');
    expect(r.rewritten).toBe(false);
    expect(r.text).toBe('[log]\nfile = "/var/log/\\"x\\".log" # where\n');
    expect(await parseConfigText(r.text, P)).toEqual({ log: { file: '/var/log/"x".log' } });
  });

  test('coercion from the command line', () => {
    const k = (key: string) => findConfigKey(key)!;
    expect(coerceConfigValue(k('runtime.threads'), '4')).toBe(4);
    expect(coerceConfigValue(k('runtime.threads'), 'four')).toBe('four');
    expect(coerceConfigValue(k('runtime.max_memory'), '1048576')).toBe(1048576);
    expect(coerceConfigValue(k('runtime.max_memory'), '2GiB')).toBe('2GiB');
    expect(coerceConfigValue(k('update.check'), 'off')).toBe(false);
    expect(coerceConfigValue(k('update.check'), 'TRUE')).toBe(true);
    expect(coerceConfigValue(k('log.level'), '5')).toBe('5');
  });
});
