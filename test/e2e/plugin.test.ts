/** `hodu plugin …` through the compiled binary. Every test uses its own HODU_HOME. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cCompiler, describeWithTools, testWithTools } from '../support/optional-tools';
import { HODU, hodu, requireBinary, tempDir, homeSandbox } from './hodu';

const FIXTURES = join(import.meta.dir, '..', 'fixtures', 'plugin-packages');
const tmp = tempDir('hodu-plugin-e2e-');

const sandbox = () => homeSandbox(tmp.dir);

/** Every file under `dir` with its bytes, to prove a failed command changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p).toString('base64');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}


beforeAll(() => requireBinary());
afterAll(() => tmp.cleanup());

describe('a TypeScript format plugin from the template', () => {
  test('new → install → list --json → info → remove', () => {
    const s = sandbox();
    const created = s.run(['plugin', 'new', 'jsonfmt', '--type', 'format']);
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('hodu plugin install --path jsonfmt');
    expect(readdirSync(join(s.work, 'jsonfmt')).sort()).toEqual(['README.md', 'index.ts', 'package.json']);
    const pkg = JSON.parse(readFileSync(join(s.work, 'jsonfmt', 'package.json'), 'utf8'));
    expect(pkg.name).toBe('jsonfmt');
    expect(pkg.hodu.capabilities.extensions).toEqual(['.jsonfmt']);

    const installed = s.run(['plugin', 'install', '--path', 'jsonfmt']);
    expect(installed.stderr).toContain('installed format plugin jsonfmt 0.1.0');
    expect(installed.code).toBe(0);
    expect(existsSync(join(s.home, 'plugins', 'jsonfmt', 'index.ts'))).toBe(true);

    const list = s.run(['plugin', 'list', '--json']);
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout) as { name: string; type: string; source: string; status: string; embedded: boolean; capabilities: { extensions?: string[] } }[];
    expect(rows.filter((r) => r.embedded).map((r) => r.name)).toEqual(['interp', 'cpu', 'onnx', 'npy', 'npz', 'safetensors']);
    const mine = rows.find((r) => r.name === 'jsonfmt')!;
    expect(mine).toMatchObject({ type: 'format', status: 'ok', embedded: false, source: join(s.work, 'jsonfmt') });
    expect(mine.capabilities.extensions).toEqual(['.jsonfmt']);

    const info = s.run(['plugin', 'info', 'jsonfmt', '--json']);
    expect(info.code).toBe(0);
    const detail = JSON.parse(info.stdout);
    expect(detail.installed.path).toBe(join(s.home, 'plugins', 'jsonfmt'));
    expect(detail.installed.build).toBe('release');
    expect(detail.installed.checksum).toMatch(/^sha256-/);
    expect(detail.installed.entry).toBe('index.ts');

    const table = s.run(['plugin', 'list']);
    expect(table.stdout).toMatch(/jsonfmt\s+format\s+0\.1\.0\s+\S+jsonfmt\s+ok/);

    const removed = s.run(['plugin', 'remove', 'jsonfmt']);
    expect(removed.code).toBe(0);
    expect(existsSync(join(s.home, 'plugins', 'jsonfmt'))).toBe(false);
    expect(JSON.parse(readFileSync(s.registry, 'utf8')).plugins).toEqual({});
  });

  test('a second install needs --force; a changed entry file shows as broken', () => {
    const s = sandbox();
    s.run(['plugin', 'new', 'fmt2', '--type', 'format']);
    expect(s.run(['plugin', 'install', '--path', 'fmt2']).code).toBe(0);
    const again = s.run(['plugin', 'install', '--path', 'fmt2']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('E_PLUGIN_EXISTS');
    expect(again.stderr).toContain('--force');
    const forced = s.run(['plugin', 'install', '--path', 'fmt2', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('replaced');

    writeFileSync(join(s.home, 'plugins', 'fmt2', 'index.ts'), '// tampered\n');
    const list = JSON.parse(s.run(['plugin', 'list', '--json']).stdout) as { name: string; status: string; problems: string[] }[];
    const row = list.find((r) => r.name === 'fmt2')!;
    expect(row.status).toBe('broken');
    expect(row.problems.join()).toContain('checksum mismatch');
  });
});

describe('a TypeScript backend plugin from the template', () => {
  test('installs, lists with its capabilities, rebuilds and is removed', () => {
    const s = sandbox();
    expect(s.run(['plugin', 'new', 'tsback', '--type', 'backend', '--lang', 'ts']).code).toBe(0);
    expect(s.run(['plugin', 'install', '--path', 'tsback']).code).toBe(0);
    const rows = JSON.parse(s.run(['plugin', 'list', '--json']).stdout) as { name: string; type: string; capabilities: { ops?: string[]; priority: number } }[];
    const row = rows.find((r) => r.name === 'tsback')!;
    expect(row.type).toBe('backend');
    expect(row.capabilities.ops).toEqual(['Add', 'Sub', 'Mul', 'Div', 'Relu', 'Neg']);
    expect(row.capabilities.priority).toBe(0);
    const rebuilt = s.run(['plugin', 'rebuild', 'tsback', '--debug']);
    expect(rebuilt.code).toBe(0);
    expect(JSON.parse(readFileSync(s.registry, 'utf8')).plugins.tsback.build).toBe('debug');
    expect(s.run(['plugin', 'remove', 'tsback']).code).toBe(0);
  });
});

describeWithTools([cCompiler()], 'a C backend plugin from the template', () => {
  test('new → install → list --json → info → rebuild --debug → remove', () => {
    const s = sandbox();
    const created = s.run(['plugin', 'new', 'cdemo', '--type', 'backend', '--lang', 'c']);
    expect(created.code).toBe(0);
    expect(existsSync(join(s.work, 'cdemo', 'src', 'plugin.c'))).toBe(true);
    const installed = s.run(['plugin', 'install', '--path', 'cdemo']);
    expect(installed.stderr).toContain(`warning: building native code from ${join(s.work, 'cdemo')}`);
    expect(installed.code).toBe(0);
    expect(existsSync(join(s.home, 'plugins', 'cdemo', 'libcdemo.so'))).toBe(true);
    expect(existsSync(join(s.home, 'sdk', 'include', 'hodu_plugin.h'))).toBe(true);

    const rows = JSON.parse(s.run(['plugin', 'list', '--json']).stdout) as { name: string; type: string; status: string; capabilities: { runner: boolean } }[];
    expect(rows.find((r) => r.name === 'cdemo')).toMatchObject({ type: 'backend', status: 'ok', capabilities: { runner: true } });
    const info = JSON.parse(s.run(['plugin', 'info', 'cdemo', '--json']).stdout);
    expect(info.installed.library).toBe('libcdemo.so');
    expect(info.installed.build).toBe('release');

    const rebuilt = s.run(['plugin', 'rebuild', 'cdemo', '--debug']);
    expect(rebuilt.stderr).toContain('-O0 -g');
    expect(rebuilt.code).toBe(0);
    expect(JSON.parse(readFileSync(s.registry, 'utf8')).plugins.cdemo.build).toBe('debug');

    expect(s.run(['plugin', 'remove', 'cdemo']).code).toBe(0);
    expect(existsSync(join(s.home, 'plugins', 'cdemo'))).toBe(false);
  });

  test('a library that declares an incompatible SDK range, or another name, is refused after the build', () => {
    const s = sandbox();
    s.run(['plugin', 'new', 'csdk', '--type', 'backend', '--lang', 'c']);
    const file = join(s.work, 'csdk', 'package.json');
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    pkg.hodu.native.cflags = [...(pkg.hodu.native.cflags ?? []), '-DHODU_PLUGIN_SDK_RANGE="^99.0.0"'];
    writeFileSync(file, JSON.stringify(pkg));
    const r = s.run(['plugin', 'install', '--path', 'csdk']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('^99.0.0');
    expect(existsSync(s.registry)).toBe(false);

    s.run(['plugin', 'new', 'cname', '--type', 'backend', '--lang', 'c']);
    const src = join(s.work, 'cname', 'src', 'plugin.c');
    writeFileSync(src, readFileSync(src, 'utf8').replace('#define PLUGIN_NAME "cname"', '#define PLUGIN_NAME "other"'));
    const m = s.run(['plugin', 'install', '--path', 'cname']);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain('E_PLUGIN_MISMATCH');
    expect(existsSync(s.registry)).toBe(false);
  });
});

describe('refusals that leave everything as it was', () => {
  test('a bad manifest names the file and the dotted path', () => {
    const s = sandbox();
    const r = s.run(['plugin', 'install', '--path', join(FIXTURES, 'bad-manifest')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_PLUGIN_MANIFEST');
    expect(r.stderr).toContain(join(FIXTURES, 'bad-manifest', 'package.json'));
    expect(r.stderr).toContain('hodu.capabilities.devices');
    expect(existsSync(s.registry)).toBe(false);
  });

  test('missing system tools are listed together with an apt-get hint', () => {
    const s = sandbox();
    const r = s.run(['plugin', 'install', '--path', join(FIXTURES, 'missing-tool')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_MISSING_TOOL');
    expect(r.stderr).toContain("'hodu-test-no-such-tool', 'hodu-test-no-such-tool-2'");
    expect(r.stderr).toContain('apt-get install');
  });

  test('an incompatible SDK range is refused with both versions', () => {
    const s = sandbox();
    const version = JSON.parse(hodu(['version', '--json']).stdout).sdk as string;
    const r = s.run(['plugin', 'install', '--path', join(FIXTURES, 'sdk-incompatible')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_SDK_INCOMPATIBLE');
    expect(r.stderr).toContain('^99.0.0');
    expect(r.stderr).toContain(`SDK ${version}`);
    expect(r.stderr).toContain('hodu plugin rebuild sdk-incompatible');
  });

  test('a name of an embedded plugin is refused', () => {
    const s = sandbox();
    const r = s.run(['plugin', 'install', '--path', join(FIXTURES, 'reserved-name')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_PLUGIN_RESERVED');
  });

  test('a JS plugin whose factory returns the wrong shape is refused', () => {
    const s = sandbox();
    const r = s.run(['plugin', 'install', '--path', join(FIXTURES, 'bad-shape')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_PLUGIN_LOAD');
    expect(r.stderr).toContain('capabilities');
    expect(readdirSync(join(s.home, 'plugins')).filter((f) => f.startsWith('.staging-'))).toEqual([]);
  });

  test('a failing --force reinstall leaves plugins.json and the old folder byte-identical', () => {
    const s = sandbox();
    s.run(['plugin', 'new', 'victim', '--type', 'format']);
    expect(s.run(['plugin', 'install', '--path', 'victim']).code).toBe(0);
    const before = snapshot(join(s.home, 'plugins'));
    writeFileSync(join(s.work, 'victim', 'index.ts'), 'export default () => ({ name: "victim" });\n');
    const r = s.run(['plugin', 'install', '--path', 'victim', '--force']);
    expect(r.code).toBe(1);
    expect(snapshot(join(s.home, 'plugins'))).toEqual(before);
  });

  testWithTools([cCompiler()], 'a failing C build leaves plugins.json and the old folder byte-identical, with the compiler output', () => {
    const s = sandbox();
    s.run(['plugin', 'new', 'broken-c', '--type', 'format']);
    expect(s.run(['plugin', 'install', '--path', 'broken-c']).code).toBe(0);
    const before = snapshot(join(s.home, 'plugins'));
    const r = s.run(['plugin', 'install', '--path', join(FIXTURES, 'broken-c'), '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('building native code from');
    expect(r.stderr).toContain('E_PLUGIN_BUILD');
    expect(r.stderr).toContain('this_identifier_does_not_exist');
    expect(snapshot(join(s.home, 'plugins'))).toEqual(before);
  });

  test('a corrupt plugins.json is reported with a fix and never reset', () => {
    const s = sandbox();
    mkdirSync(join(s.home, 'plugins'), { recursive: true });
    writeFileSync(s.registry, '{"version": 1, "plugins": {"x": ');
    for (const args of [['plugin', 'list'], ['plugin', 'install', '--path', join(FIXTURES, 'missing-tool', '..', 'bad-shape')], ['plugin', 'remove', 'x']]) {
      const r = s.run(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('E_REGISTRY_CORRUPT');
      expect(r.stderr).toContain(s.registry);
      expect(r.stderr).toContain('hint:');
    }
    expect(readFileSync(s.registry, 'utf8')).toBe('{"version": 1, "plugins": {"x": ');
  });

  test('unknown names get a did-you-mean; new refuses a non-empty folder', () => {
    const s = sandbox();
    s.run(['plugin', 'new', 'fancy', '--type', 'format']);
    s.run(['plugin', 'install', '--path', 'fancy']);
    const r = s.run(['plugin', 'remove', 'fancyy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean 'fancy'?");
    expect(s.run(['plugin', 'info', 'onxx']).stderr).toContain("did you mean 'onnx'?");
    const again = s.run(['plugin', 'new', 'fancy', '--type', 'format']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not empty');
  });
});

test('concurrent installs from separate processes all end up registered in a valid plugins.json', async () => {
  const s = sandbox();
  const names = ['conc-a', 'conc-b', 'conc-c', 'conc-d'];
  for (const name of names) {
    expect(s.run(['plugin', 'new', name, '--type', 'format']).code).toBe(0);
  }
  const procs = names.map((name) =>
    Bun.spawn([HODU, 'plugin', 'install', '--path', name], { cwd: s.work, env: { ...process.env, HODU_HOME: s.home, NO_COLOR: '1' }, stdout: 'pipe', stderr: 'pipe' }),
  );
  const codes = await Promise.all(procs.map((p) => p.exited));
  const errors = await Promise.all(procs.map((p) => new Response(p.stderr).text()));
  expect(codes.map((c, i) => (c === 0 ? 0 : errors[i]))).toEqual([0, 0, 0, 0]);
  const registry = JSON.parse(readFileSync(s.registry, 'utf8'));
  expect(Object.keys(registry.plugins).sort()).toEqual(names);
  expect(existsSync(join(s.home, 'plugins', 'plugins.lock'))).toBe(false);
  const rows = JSON.parse(s.run(['plugin', 'list', '--json']).stdout) as { name: string; status: string }[];
  expect(rows.filter((r) => names.includes(r.name)).map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
});

