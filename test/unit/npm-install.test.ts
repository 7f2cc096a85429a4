/**
 * `npm ci` must work on a machine that reaches the npm registry and nothing else. onnxruntime-node's install
 * script downloads CUDA libraries from another host unless told to skip; the project tells it twice (see
 * .npmrc). These checks use npm's own config resolution and the real install script, offline.
 */
import { expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testWithTools } from '../support/optional-tools';

const ROOT = join(import.meta.dir, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('package.json allowScripts denies onnxruntime-node and allows what the set-up needs', () => {
  // bun's postinstall puts the native binary in place: without it `npm test` has no bun.
  expect(pkg.allowScripts).toMatchObject({ 'onnxruntime-node': false, bun: true });
  expect(pkg.devDependencies['onnxruntime-node']).toBeDefined();
});

testWithTools(['npm', 'node'], "npm resolves the project's onnxruntime-node-install=skip, and the install script then exits 0 offline", () => {
  const home = mkdtempSync(join(tmpdir(), 'hodu-npmrc-'));
  try {
    // A scratch HOME: only the project .npmrc (not a developer's ~/.npmrc or the environment) can set it.
    const clean = { PATH: process.env.PATH ?? '', HOME: home };
    const got = Bun.spawnSync(['npm', 'config', 'get', 'onnxruntime-node-install'], { cwd: ROOT, env: clean, stdout: 'pipe', stderr: 'pipe' });
    const value = got.stdout.toString().trim();
    expect(value).toBe('skip');
    // What npm passes to a lifecycle script, with every proxy pointing at a closed port: a download attempt fails.
    const dead = 'http://127.0.0.1:9';
    const script = join(ROOT, 'node_modules', 'onnxruntime-node', 'script', 'install.js');
    const r = Bun.spawnSync(['node', script], {
      cwd: join(ROOT, 'node_modules', 'onnxruntime-node'),
      env: { ...clean, npm_config_onnxruntime_node_install: value, HTTPS_PROXY: dead, HTTP_PROXY: dead, GLOBAL_AGENT_HTTPS_PROXY: dead },
      stdout: 'pipe',
      stderr: 'pipe',
    });
    expect(`${r.exitCode} ${r.stderr.toString()}`).toBe('0 ');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
