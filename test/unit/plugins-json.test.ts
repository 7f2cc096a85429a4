import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HoduError } from '../../src/errors';
import { sweepLeftovers } from '../../src/plugins/install';
import { pluginsLockFile, withPluginsLock } from '../../src/plugins/lock';
import { pluginsFile } from '../../src/home';
import { backupFile, emptyRegistry, parseRegistry, readRegistry, serializeRegistry, stableStringify, writeRegistry, type PluginRegistry } from '../../src/plugins/plugins-json';
import { errorOf } from '../support/errors';

let home: string;
const saved = { home: process.env.HODU_HOME, timeout: process.env.HODU_LOCK_TIMEOUT_MS };
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hodu-reg-'));
  process.env.HODU_HOME = home;
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  if (saved.home === undefined) delete process.env.HODU_HOME;
  else process.env.HODU_HOME = saved.home;
  if (saved.timeout === undefined) delete process.env.HODU_LOCK_TIMEOUT_MS;
  else process.env.HODU_LOCK_TIMEOUT_MS = saved.timeout;
});

function sample(): PluginRegistry {
  return {
    version: 3,
    plugins: {
      zeta: {
        name: 'zeta', version: '0.2.0', type: 'format', source: { kind: 'path', path: '/src/zeta' }, path: '/h/plugins/zeta', sdk: '^0.1.0',
        installedAt: '2025-01-02T03:04:05.000Z', build: 'release', checksum: 'sha256-AAAA', entry: 'index.ts',
        capabilities: { loadModel: false, saveModel: false, loadTensors: true, saveTensors: true, extensions: ['.z'], magic: ['5a5a'] },
      },
      '@acme/alpha': {
        name: '@acme/alpha', version: '1.0.0', type: 'backend', source: { kind: 'path', path: '/src/alpha' }, path: '/h/plugins/@acme/alpha', sdk: '>=0.1.0 <1',
        installedAt: '2025-01-02T03:04:05.000Z', build: 'debug', checksum: 'sha256-BBBB+/==', library: 'libalpha.so',
        capabilities: { runner: true, builder: true, devices: ['cpu'], priority: 20, ops: ['Add'], dtypes: ['float32'] },
      },
    },
  };
}

describe('plugins.json', () => {
  test('round-trips through write and read, with keys sorted at every level', () => {
    writeRegistry(sample());
    expect(readRegistry()).toEqual(sample());
    const text = readFileSync(pluginsFile(), 'utf8');
    // '@acme/alpha' sorts before 'zeta'; inside an entry 'build' comes before 'capabilities'.
    expect(text.indexOf('"@acme/alpha"')).toBeLessThan(text.indexOf('"zeta"'));
    expect(text.indexOf('"build"')).toBeLessThan(text.indexOf('"capabilities"'));
    expect(text.indexOf('"plugins"')).toBeLessThan(text.indexOf('"version": 3'));
    expect(serializeRegistry(readRegistry())).toBe(text);
  });

  test('a version 1 file (before disabled/test/crash) is read as is and written back as version 3', () => {
    mkdirSync(join(pluginsFile(), '..'), { recursive: true });
    writeFileSync(pluginsFile(), JSON.stringify({ ...sample(), version: 1 }));
    const read = readRegistry();
    expect(read.plugins).toEqual(sample().plugins);
    writeRegistry(read);
    expect(JSON.parse(readFileSync(pluginsFile(), 'utf8')).version).toBe(3);
  });

  test('the state fields (disabled, test, crash) round-trip and are validated', () => {
    const r = sample();
    r.plugins['@acme/alpha'] = {
      ...r.plugins['@acme/alpha']!,
      disabled: true,
      test: { at: '2025-01-02T03:04:05.000Z', passed: false, checksum: 'sha256-BBBB+/==', summary: '0 cases passed, 1 failed, 0 skipped (1 op)' },
      crash: { at: '2025-01-02T03:04:05.000Z', signal: 'SIGSEGV', where: "while running kernel 'add_f32'" },
    };
    writeRegistry(r);
    expect(readRegistry()).toEqual(r);
    const bad = JSON.parse(serializeRegistry(r));
    bad.plugins['@acme/alpha'].crash.signal = 11;
    expect(() => parseRegistry(JSON.stringify(bad), 'plugins.json')).toThrow('plugins.@acme/alpha.crash.signal');
  });

  test('stableStringify sorts keys and drops undefined', () => {
    expect(stableStringify({ b: 1, a: { d: [{ y: 1, x: 2 }], c: undefined } })).toBe('{\n  "a": {\n    "d": [\n      {\n        "x": 2,\n        "y": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });

  test('a missing file is an empty registry', () => {
    expect(readRegistry()).toEqual(emptyRegistry());
  });

  test('keeps the previous file as .bak on each write', () => {
    writeRegistry(emptyRegistry());
    const first = readFileSync(pluginsFile(), 'utf8');
    writeRegistry(sample());
    expect(readFileSync(backupFile(), 'utf8')).toBe(first);
  });

  test('rejects malformed content, naming the file and the problem, and never resets it', () => {
    const file = pluginsFile();
    const cases: [string, string][] = [
      ['{ not json', 'not valid JSON'],
      ['[]', 'version'],
      [JSON.stringify({ version: 4, plugins: {} }), 'unknown plugins.json version'],
      [JSON.stringify({ version: 1, plugins: { x: { name: 'y' } } }), 'plugins.x'],
      [JSON.stringify({ version: 1, plugins: { zeta: { ...sample().plugins.zeta, build: 'fast' } } }), 'plugins.zeta.build'],
      [JSON.stringify({ version: 1, plugins: { zeta: { ...sample().plugins.zeta, installedAt: 'yesterday' } } }), 'plugins.zeta.installedAt'],
      [JSON.stringify({ version: 1, plugins: { other: sample().plugins.zeta } }), 'must equal its "name"'],
    ];
    mkdirSync(join(home, 'plugins'), { recursive: true });
    for (const [text, problem] of cases) {
      writeFileSync(file, text);
      const e = errorOf(() => readRegistry());
      expect(e.code).toBe('E_REGISTRY_CORRUPT');
      expect(e.message).toContain(file);
      expect(e.message).toContain(problem);
      expect(e.hint).toBeTruthy();
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });

  test('the corrupt-file hint offers the backup when a good one exists', () => {
    writeRegistry(emptyRegistry());
    writeRegistry(sample());
    writeFileSync(pluginsFile(), '{"version": 1, "plugins": ');
    const e = errorOf(() => readRegistry());
    expect(e.hint).toContain(`cp ${backupFile()} ${pluginsFile()}`);
    expect(parseRegistry(readFileSync(backupFile(), 'utf8'), backupFile())).toEqual(emptyRegistry());
  });
});

describe('plugins.lock', () => {
  test('is created with our pid while held and removed after', async () => {
    const seen = await withPluginsLock(() => readFileSync(pluginsLockFile(), 'utf8').trim());
    expect(seen).toBe(String(process.pid));
    expect(existsSync(pluginsLockFile())).toBe(false);
  });

  test('is released when the guarded function throws', async () => {
    await expect(withPluginsLock(() => { throw new HoduError('E_INTERNAL', 'boom'); })).rejects.toThrow('boom');
    expect(existsSync(pluginsLockFile())).toBe(false);
  });

  test('a lock left by a dead process is taken over', async () => {
    // A child that has exited: its pid is free (pid reuse within the test is practically impossible).
    const child = Bun.spawnSync(['true']);
    mkdirSync(join(home, 'plugins'), { recursive: true });
    writeFileSync(pluginsLockFile(), `${child.pid}\n`);
    expect(await withPluginsLock(() => 'ran')).toBe('ran');
  });

  test('a live holder makes a second taker wait, then fail with E_LOCKED and a hint', async () => {
    const holder = Bun.spawn(['sleep', '30']);
    try {
      mkdirSync(join(home, 'plugins'), { recursive: true });
      writeFileSync(pluginsLockFile(), `${holder.pid}\n`);
      process.env.HODU_LOCK_TIMEOUT_MS = '150';
      const e = await withPluginsLock(() => 'ran').catch((x) => x);
      expect(e).toBeInstanceOf(HoduError);
      expect(e.code).toBe('E_LOCKED');
      expect(e.message).toContain(String(holder.pid));
      expect(e.hint).toContain(pluginsLockFile());
      // The other holder's lock is left alone.
      expect(readFileSync(pluginsLockFile(), 'utf8').trim()).toBe(String(holder.pid));
    } finally {
      holder.kill();
    }
  });

  test('serializes concurrent holders in one process', async () => {
    const order: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        withPluginsLock(async () => {
          order.push(`${id}+`);
          await Bun.sleep(20);
          order.push(`${id}-`);
        }),
      ),
    );
    // Each enter is immediately followed by its own exit: no interleaving.
    for (let i = 0; i < order.length; i += 2) expect(order[i + 1]).toBe(order[i]!.replace('+', '-'));
  });
});

test('leftover staging folders of dead processes are swept, those of live ones kept', () => {
  const dead = Bun.spawnSync(['true']).pid;
  const dir = join(home, 'plugins');
  for (const name of [`.staging-${dead}-abc`, `.old-${dead}-abc`, `.removed-${dead}-1`, `.staging-${process.pid}-abc`, 'keep-me']) mkdirSync(join(dir, name), { recursive: true });
  sweepLeftovers();
  expect(readdirSync(dir).sort()).toEqual([`.staging-${process.pid}-abc`, 'keep-me']);
});
