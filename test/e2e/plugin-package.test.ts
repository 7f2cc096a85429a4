/**
 * Regression tests (issue 9, items 12, 13, 15) through the compiled binary: what `plugin install` copies
 * from a package folder, where $HODU_HOME may be, what `plugin remove` leaves behind, and that the
 * messages a user may paste or read are usable. Every test has its own HODU_HOME.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cCompiler, describeWithTools, testWithTools } from '../support/optional-tools';
import { requireBinary, tempDir, homeSandbox } from './hodu';

const tmp = tempDir('hodu-plugin-package-');

const sandbox = () => homeSandbox(tmp.dir);

/** A TS format plugin from the template, in `work/<name>`. */
function formatPlugin(s: ReturnType<typeof sandbox>, name: string): string {
  expect(s.run(['plugin', 'new', name, '--type', 'format']).code).toBe(0);
  return join(s.work, ...name.split('/').slice(-1));
}

beforeAll(() => requireBinary());
afterAll(() => tmp.cleanup());

describe('item 12: plugin install copies real files, never links', () => {
  test('a link inside the package is copied as the file it points to; the plugin survives its source folder', () => {
    const s = sandbox();
    const dir = formatPlugin(s, 'linked');
    mkdirSync(join(dir, 'lib'));
    renameSync(join(dir, 'index.ts'), join(dir, 'lib', 'real.ts'));
    symlinkSync('lib/real.ts', join(dir, 'index.ts'));
    symlinkSync('lib', join(dir, 'lib-alias'));
    const r = s.run(['plugin', 'install', '--path', 'linked']);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const installed = join(s.home, 'plugins', 'linked');
    expect(lstatSync(join(installed, 'index.ts')).isSymbolicLink()).toBe(false);
    expect(lstatSync(join(installed, 'lib-alias')).isDirectory()).toBe(true);
    expect(readFileSync(join(installed, 'index.ts'), 'utf8')).toBe(readFileSync(join(dir, 'lib', 'real.ts'), 'utf8'));

    // The source folder goes away: the installed copy still works and still rebuilds.
    renameSync(dir, join(s.work, 'moved-away'));
    const rows = JSON.parse(s.run(['plugin', 'list', '--json']).stdout) as { name: string; status: string; problems: string[] }[];
    expect(rows.find((p) => p.name === 'linked')).toMatchObject({ status: 'ok', problems: [] });
    const rebuilt = s.run(['plugin', 'rebuild', 'linked']);
    expect(rebuilt.stderr).not.toContain('error');
    expect(rebuilt.code).toBe(0);
  });

  test('a link that leaves the package is refused, naming the link and its target; nothing is installed', () => {
    const s = sandbox();
    const dir = formatPlugin(s, 'leaky');
    const secret = join(s.root, 'secret.txt');
    writeFileSync(secret, 'not part of the plugin');
    symlinkSync(secret, join(dir, 'data.txt'));
    const r = s.run(['plugin', 'install', '--path', 'leaky']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_PLUGIN_PACKAGE]');
    expect(r.stderr).toContain(join(dir, 'data.txt'));
    expect(r.stderr).toContain('outside the package');
    expect(existsSync(s.registry)).toBe(false);
    expect(existsSync(join(s.home, 'plugins', 'leaky'))).toBe(false);
  });

  test('a link to a folder outside (e.g. via ..) and a link loop are refused too', () => {
    const s = sandbox();
    const dir = formatPlugin(s, 'looped');
    symlinkSync('..', join(dir, 'up'));
    const up = s.run(['plugin', 'install', '--path', 'looped']);
    expect(up.code).toBe(1);
    expect(up.stderr).toContain('outside the package');
    const dir2 = formatPlugin(s, 'looped2');
    mkdirSync(join(dir2, 'sub'));
    symlinkSync('..', join(dir2, 'sub', 'again'));
    const loop = s.run(['plugin', 'install', '--path', 'looped2']);
    expect(loop.code).toBe(1);
    expect(loop.stderr).toContain('error[E_PLUGIN_PACKAGE]');
    expect(loop.stderr).toContain('loop');
    expect(existsSync(s.registry)).toBe(false);
  });

  test('a package over the size bound is refused before anything is copied', () => {
    const s = sandbox();
    const dir = formatPlugin(s, 'huge');
    const big = join(dir, 'weights.bin');
    writeFileSync(big, '');
    truncateSync(big, 300 * 1024 * 1024); // sparse: costs no disk
    const r = s.run(['plugin', 'install', '--path', 'huge']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_PLUGIN_PACKAGE]');
    expect(r.stderr).toContain('larger than 256 MiB');
    expect(existsSync(s.registry)).toBe(false);
  });

  test('"entry": "." is refused by validation, naming the field', () => {
    const s = sandbox();
    const dir = formatPlugin(s, 'dotentry');
    const file = join(dir, 'package.json');
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    pkg.hodu.entry = '.';
    writeFileSync(file, JSON.stringify(pkg));
    const r = s.run(['plugin', 'install', '--path', 'dotentry']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_PLUGIN_MANIFEST]');
    expect(r.stderr).toContain('hodu.entry: must name a file inside the package, not a folder');
  });
});

describe('item 13: messages a user pastes or reads', () => {
  testWithTools([cCompiler()], 'the failed build command is shell-quoted and runs as printed', () => {
    const s = sandbox();
    const dir = join(s.work, 'my plugin');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src', 'bad.c'), '_Static_assert(sizeof(GREETING) == 12, "GREETING is one string");\n#error deliberate failure\n');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({
      name: 'quoted',
      version: '0.0.1',
      hodu: {
        type: 'backend',
        sdk: '^0.1.0',
        native: { sources: ['src/bad.c'], cflags: ['-DGREETING="hello world"'], library: 'libquoted.so' },
        capabilities: { runner: true, builder: false, devices: ['cpu'], priority: 1 },
      },
    }));
    const r = s.run(['plugin', 'install', '--path', 'my plugin']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_PLUGIN_BUILD]');
    const line = r.stderr.split('\n').find((l) => l.trimStart().startsWith('$ '));
    expect(line).toBeDefined();
    // Pasted into a shell from anywhere, it is the same compiler call: same error, no stray arguments.
    const pasted = Bun.spawnSync(['sh', '-c', line!.trimStart().slice(2)], { cwd: tmp.dir, stdout: 'pipe', stderr: 'pipe' });
    const output = pasted.stdout.toString() + pasted.stderr.toString();
    expect(output).toContain('deliberate failure');
    expect(output).not.toContain('No such file');
    expect(output).not.toContain('GREETING is one string');
  });

  test('hodu __plugin-child with bad arguments is a usage error, not a stack trace', () => {
    const s = sandbox();
    for (const args of [[], [join(s.root, 'nowhere')], [s.work], [s.work, 'extra']]) {
      const r = s.run(['__plugin-child', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error[E_USAGE]: hodu __plugin-child');
      expect(r.stderr).not.toContain(' at ');
      expect(r.stderr).not.toContain('ENOENT');
    }
  });
});

describe('item 15: HODU_HOME and scoped plugins', () => {
  test('a relative HODU_HOME is stored absolute, so plugins work from another folder', () => {
    const s = sandbox();
    formatPlugin(s, 'relhome');
    const r = s.run(['plugin', 'install', '--path', 'relhome'], { HODU_HOME: 'rel-home' });
    expect(r.code).toBe(0);
    const home = join(s.work, 'rel-home');
    const stored = JSON.parse(readFileSync(join(home, 'plugins', 'plugins.json'), 'utf8')).plugins.relhome.path;
    expect(stored).toBe(join(home, 'plugins', 'relhome'));
    // Same home, another working directory.
    const rows = JSON.parse(s.run(['plugin', 'list', '--json'], { HODU_HOME: home }, s.root).stdout) as { name: string; status: string }[];
    expect(rows.find((p) => p.name === 'relhome')?.status).toBe('ok');
  });

  test('removing the last plugin of a scope removes the empty @scope folder', () => {
    const s = sandbox();
    formatPlugin(s, '@acme/fmt');
    expect(s.run(['plugin', 'install', '--path', 'fmt']).code).toBe(0);
    expect(existsSync(join(s.home, 'plugins', '@acme', 'fmt'))).toBe(true);
    expect(s.run(['plugin', 'remove', '@acme/fmt']).code).toBe(0);
    expect(existsSync(join(s.home, 'plugins', '@acme'))).toBe(false);
  });

  test('HODU_HOME inside the plugin folder being installed is a clear usage error', () => {
    const s = sandbox();
    const dir = formatPlugin(s, 'selfhome');
    const r = s.run(['plugin', 'install', '--path', 'selfhome'], { HODU_HOME: join(dir, 'home') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[E_USAGE]');
    expect(r.stderr).toContain(`is inside the plugin folder ${dir}`);
    expect(r.stderr).not.toContain('E_INTERNAL');
  });
});

describeWithTools([cCompiler()], 'item 22b: one vocabulary (ops, kernels, cases)', () => {
  test('install, list and test of one plugin count ops the same way, and kernels and cases by their own names', () => {
    const s = sandbox();
    expect(s.run(['plugin', 'new', 'words', '--type', 'backend', '--lang', 'c']).code).toBe(0);
    const declared = JSON.parse(readFileSync(join(s.work, 'words', 'package.json'), 'utf8')).hodu.capabilities.ops.length as number;
    const installed = s.run(['plugin', 'install', '--path', 'words']);
    expect(installed.code).toBe(0);
    expect(installed.stderr).toMatch(new RegExp(`\\d+ kernels, for ${declared} ops`));
    const listed = s.run(['plugin', 'list']).stdout.split('\n').find((l) => l.startsWith('words'));
    expect(listed).toContain(`${declared} ops`);
    const tested = s.run(['plugin', 'test', 'words']);
    expect(tested.code).toBe(0);
    expect(tested.stdout).toMatch(new RegExp(`\\d+ cases passed, 0 failed, 0 skipped \\(${declared} ops\\)`));
    expect(tested.stdout).not.toMatch(/\d+ ops passed/);
    const report = JSON.parse(s.run(['plugin', 'test', 'words', '--json']).stdout);
    expect(report.ops.length).toBe(declared);
    expect(report.cases.length).toBeGreaterThan(declared);
    expect(report.cases.every((c: { op: string }) => report.ops.includes(c.op))).toBe(true);
  });
});
