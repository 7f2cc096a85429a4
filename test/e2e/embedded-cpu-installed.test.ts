/**
 * A plugin named `cpu` installed from plugins/backend-cpu (the embedded backend's own source, a developer's
 * build) does not clash with the embedded one: the install is allowed, `--backend cpu` runs the installed
 * build (isolated, as every installed native plugin), automatic selection keeps the embedded one, and
 * `hodu plugin list` shows both.
 */
import { afterAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { describeWithTools } from '../support/optional-tools';
import { hodu, requireBinary, tempDir } from './hodu';

const ROOT = join(import.meta.dir, '..', '..');
const MLP = join(ROOT, 'examples', 'mlp.onnx');

describeWithTools(['cc'], 'an installed plugin named cpu', () => {
  requireBinary();
  const t = tempDir('hodu-cpu-installed-');
  afterAll(() => t.cleanup());
  const home = join(t.dir, 'home');
  const run = (args: string[]) => hodu(args, { env: { HODU_HOME: home } });

  test('installs, shadows `--backend cpu` only, and both are listed', () => {
    const install = run(['plugin', 'install', '--path', join(ROOT, 'plugins', 'backend-cpu')]);
    expect(install.code, install.stderr).toBe(0);
    const named = run(['run', MLP, '--random-inputs', '--backend', 'cpu', '--no-isolate', '--verbose']);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).toContain("backend: cpu — 'cpu' was asked for by --backend");
    // Only an installed plugin is warned about running inside hodu: this is the installed build.
    expect(named.stderr).toContain("plugin 'cpu' runs inside hodu (--no-isolate)");
    const auto = run(['run', MLP, '--random-inputs', '--verbose']);
    expect(auto.stderr).toMatch(/backend: cpu — chosen automatically: the highest priority \(20\)/);
    const rows = JSON.parse(run(['plugin', 'list', '--json']).stdout) as { name: string; embedded: boolean; notes: string[] }[];
    const cpus = rows.filter((r) => r.name === 'cpu');
    expect(cpus.map((r) => r.embedded)).toEqual([true, false]);
    expect(cpus[0]!.notes.join(' ')).toContain("`--backend cpu` runs the installed plugin 'cpu'");
    const removed = run(['plugin', 'remove', 'cpu']);
    expect(removed.code, removed.stderr).toBe(0);
    const embedded = run(['run', MLP, '--random-inputs', '--backend', 'cpu', '--no-isolate', '--verbose']);
    expect(embedded.stderr).toContain("backend: cpu — 'cpu' was asked for by --backend");
    expect(embedded.stderr).not.toContain("plugin 'cpu' runs inside hodu");
  }, 120_000);
});
