/**
 * ABI 2 (create takes HoduCreateOptions) and ABI-1 plugins, which hodu still loads: the thread count reaches
 * an ABI-2 plugin in and out of process, and an ABI-1 plugin (built with HODU_EXPORT_BACKEND_PLUGIN_V1, the
 * old create signature) runs and reports its errors as before.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { float32Tensor, type Tensor } from '../../src/ir/tensor';
import { NativeBackendBinding } from '../../src/plugins/native/binding';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import type { RuntimeValue } from '../../src/sdk/backend';
import { ABI_VERSION } from '../../src/version';
import { model, node } from '../fixtures/plugins/models';
import { checkTools, describeWithTools } from '../support/optional-tools';

const root = join(import.meta.dir, '..', '..');
let work: string;
const lib = (name: string) => join(work, `lib${name}.so`);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hodu-native-abi-'));
  if (!checkTools(['cc']).run) return;
  for (const f of ['threads-echo', 'abi1-relu']) {
    const args = ['cc', '-std=c11', '-pedantic', '-Wall', '-Wextra', '-Werror', '-fPIC', '-shared', `-I${join(root, 'ffi')}`, join(root, 'test', 'fixtures', 'plugins', `${f}.c`), '-o', lib(f)];
    const r = Bun.spawnSync(args, { stderr: 'pipe' });
    if (r.exitCode !== 0) throw new Error(`${args.join(' ')}\n${r.stderr.toString()}`);
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const reluModel = () => model({ inputs: { x: [4] }, outputs: ['y'], nodes: [node('Relu', ['x'], ['y'])] });
const feeds = () => new Map<string, RuntimeValue>([['x', float32Tensor([-1, 2, -3, 4], [4])]]);
const values = (out: Map<string, RuntimeValue>) => Array.from((out.get('y') as Tensor).data as Float32Array);

describeWithTools(['cc'], 'native plugin ABI', () => {
  test('an ABI-2 plugin gets the session thread count in create(), in process and isolated; a definite count when none is asked', async () => {
    const info = probeNativeLibrary(lib('threads-echo'));
    expect(info.abiVersion).toBe(ABI_VERSION);
    for (const isolate of [false, true]) {
      const backend = loadNativeBackend(lib('threads-echo'), info, { isolate });
      for (const threads of [3, 1]) expect(values(await (await backend.createSession(reluModel(), { threads })).run(feeds()))).toEqual([threads, threads, threads, threads]);
      // hodu resolves the default (physical cores, checked in test/backend-cpu/benchmark.test.ts): never 0.
      const [given] = values(await (await backend.createSession(reluModel())).run(feeds()));
      expect(given).toBeGreaterThanOrEqual(1);
      expect(given).toBeLessThanOrEqual(navigator.hardwareConcurrency);
    }
  });
  test('an ABI-1 plugin still loads and runs, in process and isolated (threads are not passed to it)', async () => {
    const info = probeNativeLibrary(lib('abi1-relu'));
    expect(info.abiVersion).toBe(1);
    for (const isolate of [false, true]) {
      const out = await (await loadNativeBackend(lib('abi1-relu'), info, { isolate }).createSession(reluModel(), { threads: 2 })).run(feeds());
      expect(values(out)).toEqual([0, 2, 0, 4]);
    }
  });
  test("an ABI-1 plugin's create() error message reaches the caller (the arguments are not shifted)", () => {
    const binding = new NativeBackendBinding(lib('abi1-relu'));
    try {
      expect(() => binding.create(new Uint8Array(4), { threads: 2 })).toThrow('abi1-relu: manifest of 4 bytes');
    } finally {
      binding.close();
    }
  });
});
