/**
 * An installed native builder (ABI 3) gets build() from loadInstalledBackend: its generated files plus a kernel
 * library made of the installed copy of its package (sources, package.json flags, the SDK headers hodu writes),
 * which compiles as given. The plugin is test/fixtures/plugins/builder-echo.c, installed through the binary.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planManifest } from '../../src/plan/plan-manifest';
import { loadInstalledBackend } from '../../src/plugins/installed';
import { encodeManifest } from '../../src/sdk/manifest';
import { installBuilderEcho } from '../fixtures/plugins/builder-echo-package';
import { model, node } from '../fixtures/plugins/models';
import { cCompiler, describeWithTools } from '../support/optional-tools';
import { requireBinary, tempDir } from './hodu';

const tmp = tempDir('hodu-plugin-builder-');
const home = join(tmp.dir, 'home');
const savedHome = process.env.HODU_HOME;

beforeAll(() => {
  requireBinary();
  installBuilderEcho(tmp.dir, { HODU_HOME: home });
  process.env.HODU_HOME = home;
});
afterAll(() => {
  if (savedHome === undefined) delete process.env.HODU_HOME;
  else process.env.HODU_HOME = savedHome;
  tmp.cleanup();
});

describeWithTools(['cc'], 'an installed native builder', () => {
  test("build() returns the generated file and the installed package's sources as the kernel library, which compiles", async () => {
    const backend = await loadInstalledBackend('builder-echo');
    expect(backend.capabilities.builder).toBe(true);
    const out = join(tmp.dir, 'out');
    mkdirSync(out);
    const relu = model({ inputs: { x: [4] }, outputs: ['y'], nodes: [node('Relu', ['x'], ['y'])] });
    const recipe = await backend.build!({ manifest: encodeManifest(planManifest(relu, new Map([['x', [4]]]))), threads: 2, target: 'x86_64-linux-gnu', outDir: out });
    expect(recipe.generated).toEqual([join(out, 'echo_build.c')]);
    expect(readFileSync(recipe.generated[0]!, 'utf8')).toContain('hodu_echo_threads = 2;');
    const lib = recipe.library;
    expect(lib.root.startsWith(join(home, 'plugins'))).toBe(true);
    expect(lib.sources).toEqual(['src/builder-echo.c']);
    expect(existsSync(join(lib.root, 'src', 'builder-echo.c'))).toBe(true);
    expect(readFileSync(join(lib.includeDirs[0]!, 'hodu_plugin.h'), 'utf8')).toContain('#define HODU_ABI_VERSION 3\n');
    expect(lib.cflags).toEqual(['-std=c11', '-O2', '-Wall']);
    expect(recipe.ldflags).toEqual(['-lm']);
    expect(lib.id).toMatch(/^[0-9a-f]{64}$/);
    const cc = Bun.spawnSync([cCompiler(), ...lib.cflags, '-fPIC', ...lib.includeDirs.map((d) => `-I${d}`), '-c', ...lib.sources, '-o', join(tmp.dir, 'lib.o')], { cwd: lib.root, stderr: 'pipe' });
    expect(cc.stderr.toString()).toBe('');
    expect(cc.exitCode).toBe(0);
  });
});
