/**
 * A native backend's library is opened once per binding: the optional per-step timing export
 * (hodu_backend_profile) is looked up in the same dlopen as the descriptor, not by a second one. Counted by
 * wrapping bun:ffi's dlopen (the wrapper calls through, so every other test in the process is unaffected).
 */
import { afterAll, beforeAll, expect, mock, test } from 'bun:test';
import * as ffi from 'bun:ffi';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTools, describeWithTools } from '../support/optional-tools';

const realDlopen = ffi.dlopen;
const opened: string[] = [];
mock.module('bun:ffi', () => ({ ...ffi, dlopen: (...args: Parameters<typeof realDlopen>) => (opened.push(String(args[0])), realDlopen(...args)) }));

const root = join(import.meta.dir, '..', '..');
let work: string;
const lib = (name: string) => join(work, `lib${name}.so`);
const mapped = (path: string) => readFileSync('/proc/self/maps', 'utf8').includes(path);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hodu-one-load-'));
  if (!checkTools(['cc']).run) return;
  for (const f of ['relu-ok', 'relu-timed']) {
    const args = ['cc', '-std=c11', '-O2', '-fPIC', '-shared', `-I${join(root, 'ffi')}`, join(root, 'test', 'fixtures', 'plugins', `${f}.c`), '-o', lib(f)];
    const r = Bun.spawnSync(args, { stderr: 'pipe' });
    if (r.exitCode !== 0) throw new Error(r.stderr.toString());
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describeWithTools(['cc'], 'one dlopen per native binding', () => {
  test('with the timing export: one open, and the timer works through it', async () => {
    const { NativeBackendBinding } = await import('../../src/plugins/native/binding');
    opened.length = 0;
    const binding = new NativeBackendBinding(lib('relu-timed'), 'relu-timed');
    expect(opened).toEqual([lib('relu-timed')]);
    const { planManifest } = await import('../../src/plan/plan-manifest');
    const { encodeManifest } = await import('../../src/sdk/manifest-encode');
    const { model, node } = await import('../fixtures/plugins/models');
    const manifest = planManifest(model({ inputs: { x: [4] }, outputs: ['y'], nodes: [node('Relu', ['x'], ['y'])] }));
    const handle = binding.create(encodeManifest(manifest));
    expect(binding.enableStepTimes(handle)).toBe(true);
    binding.destroy(handle);
    binding.close();
    expect(mapped(lib('relu-timed'))).toBe(false);
  });

  test('without it: the plugin loads (the open asking for it fails and is closed), no timer, unloaded on close', async () => {
    const { NativeBackendBinding } = await import('../../src/plugins/native/binding');
    const binding = new NativeBackendBinding(lib('relu-ok'), 'relu-ok');
    expect(binding.supportsKernel('relu_f32')).toBe(true);
    expect(binding.enableStepTimes({ pointer: 1, manifest: new Uint8Array() })).toBe(false);
    binding.close();
    expect(mapped(lib('relu-ok'))).toBe(false);
  });
});
