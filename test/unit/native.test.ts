import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import interp from '../../src/backends/interp/index';
import type { HoduError } from '../../src/errors';
import { float32Tensor, type Tensor } from '../../src/ir/tensor';
import { planManifest } from '../../src/plan/plan-manifest';
import { NativeBackendBinding } from '../../src/plugins/native/binding';
import { ffiHeaders, templateBackendC } from '../../src/plugins/native/embedded-files';
import { hostArch, loadNativeBackend, probeNativeLibrary, runIsolated } from '../../src/plugins/native/index';
import { MAX_NATIVE_PLANS } from '../../src/plugins/native/backend';
import type { RuntimeValue } from '../../src/sdk/backend';
import { encodeManifest } from '../../src/sdk/manifest';
import { ABI_VERSION, SDK_VERSION } from '../../src/version';
import { mlpModel, model, node, randomFloats } from '../fixtures/plugins/models';
import { checkTools, describeWithTools, testWithTools } from '../support/optional-tools';

const root = join(import.meta.dir, '..', '..');
const ffiDir = join(root, 'ffi');
const fixtureDir = join(root, 'test', 'fixtures', 'plugins');
let work: string;
const lib = (name: string) => join(work, `lib${name}.so`);

function cc(sources: string[], out: string, include: string[]): void {
  const args = ['cc', '-std=c11', '-Wall', '-Wextra', '-Werror', '-O2', '-fPIC', '-shared', ...include.map((i) => `-I${i}`), ...sources, '-lm', '-o', out];
  const r = Bun.spawnSync(args, { stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`${args.join(' ')}\n${r.stderr.toString()}`);
}

async function expectHoduError(p: (() => unknown) | Promise<unknown>, code: string, ...fragments: string[]): Promise<HoduError> {
  let error: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    error = e;
  }
  expect(error).toBeDefined();
  const h = error as HoduError;
  expect(h.name).toBe('HoduError');
  expect(h.code).toBe(code);
  for (const f of fragments) expect(`${h.message}\n${h.hint ?? ''}`).toContain(f);
  return h;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hodu-native-test-'));
  if (!checkTools(['cc']).run) return; // the tests that need these libraries are skipped (or fail under CI)
  for (const f of ['crash-segv', 'crash-abort', 'returns-error', 'incompatible-sdk', 'wrong-abi', 'no-descriptor', 'relu-ok']) {
    cc([join(fixtureDir, `${f}.c`)], lib(f), [ffiDir]);
  }
  // The template as `hodu plugin new` writes it: the embedded files with the name substituted.
  const tpl = join(work, 'tpl');
  for (const [rel, text] of Object.entries(templateBackendC)) {
    mkdirSync(dirname(join(tpl, rel)), { recursive: true });
    writeFileSync(join(tpl, rel), text.replaceAll('__NAME__', 'demo'));
  }
  const inc = join(work, 'include');
  mkdirSync(inc);
  for (const [name, text] of Object.entries(ffiHeaders)) writeFileSync(join(inc, name), text);
  const pkg = JSON.parse(readFileSync(join(tpl, 'package.json'), 'utf8'));
  cc(pkg.hodu.native.sources.map((s: string) => join(tpl, s)), join(work, pkg.hodu.native.library), [inc]);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function mlpFeeds(batch: number, seed: number): Map<string, RuntimeValue> {
  return new Map([['x', float32Tensor(randomFloats(batch * 8, seed), [batch, 8])]]);
}

async function expectClose(actual: Map<string, RuntimeValue>, expected: Map<string, RuntimeValue>, tol: number): Promise<void> {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, e] of expected) {
    const a = actual.get(name) as Tensor;
    const et = e as Tensor;
    expect(a.dims).toEqual(et.dims);
    const ad = a.data as Float32Array;
    const ed = et.data as Float32Array;
    let worst = 0;
    for (let i = 0; i < ed.length; i++) worst = Math.max(worst, Math.abs(ad[i]! - ed[i]!));
    expect(worst).toBeLessThanOrEqual(tol);
  }
}

describe('C headers', () => {
  test('ABI and SDK versions in hodu_plugin.h match src/version.ts', () => {
    const h = readFileSync(join(ffiDir, 'hodu_plugin.h'), 'utf8');
    expect(h).toContain(`#define HODU_ABI_VERSION ${ABI_VERSION}\n`);
    expect(h).toContain(`#define HODU_SDK_VERSION "${SDK_VERSION}"\n`);
  });
  test('embedded files are the files on disk', () => {
    for (const [name, text] of Object.entries(ffiHeaders)) expect(text).toBe(readFileSync(join(ffiDir, name), 'utf8'));
    for (const [rel, text] of Object.entries(templateBackendC)) expect(text).toBe(readFileSync(join(root, 'templates', 'backend-c', rel), 'utf8'));
    const pkg = JSON.parse(templateBackendC['package.json']!);
    for (const src of pkg.hodu.native.sources) expect(Object.keys(templateBackendC)).toContain(src);
  });
  testWithTools(['cc'], 'the headers compile warning-free with -pedantic', () => {
    const src = join(work, 'headers.c');
    writeFileSync(src, '#include "hodu_manifest.h"\nint hodu_headers_compile(void);\nint hodu_headers_compile(void) { return HODU_ABI_VERSION; }\n');
    cc([src], join(work, 'libheaders.so'), [ffiDir]);
    const r = Bun.spawnSync(['cc', '-std=c11', '-pedantic', '-Wall', '-Wextra', '-Werror', '-fPIC', '-shared', `-I${ffiDir}`, src, '-o', join(work, 'libh2.so')], { stderr: 'pipe' });
    expect(r.stderr.toString()).toBe('');
  });
});

describeWithTools(['cc'], 'probeNativeLibrary', () => {
  test('reads the descriptor of a good plugin', () => {
    const info = probeNativeLibrary(lib('relu-ok'));
    expect(info).toMatchObject({ name: 'relu-ok', version: '0.0.1', type: 'backend', abiVersion: ABI_VERSION, sdkRange: `^${SDK_VERSION}`, runner: true, builder: false, devices: ['cpu'], kernels: ['relu_f32'] });
    const demo = probeNativeLibrary(join(work, 'libdemo.so'));
    expect(demo.name).toBe('demo');
    expect(demo.kernels).toContain('gemm_f32');
  });
  test('a missing file, a non-library, a library without the symbol', async () => {
    await expectHoduError(() => probeNativeLibrary(join(work, 'libnope.so')), 'E_PLUGIN_LOAD', 'does not exist', 'hodu plugin rebuild nope');
    const junk = join(work, 'libjunk.so');
    writeFileSync(junk, 'not a library at all, just text');
    await expectHoduError(() => probeNativeLibrary(junk), 'E_PLUGIN_LOAD', 'cannot load', junk);
    await expectHoduError(() => probeNativeLibrary(lib('no-descriptor')), 'E_PLUGIN_SYMBOL', "does not export 'hodu_plugin_descriptor'", 'HODU_EXPORT_BACKEND_PLUGIN');
  });
  test('a library built for another CPU is named before dlopen', async () => {
    const foreign = hostArch() === 'aarch64' ? { machine: 0x3e, name: 'x86_64' } : { machine: 0xb7, name: 'aarch64' };
    const bytes = readFileSync(lib('relu-ok'));
    new DataView(bytes.buffer, bytes.byteOffset).setUint16(18, foreign.machine, true);
    const path = join(work, 'libforeign.so');
    writeFileSync(path, bytes);
    await expectHoduError(() => probeNativeLibrary(path, 'foreign'), 'E_PLUGIN_ARCH', `built for ${foreign.name}, this is ${hostArch()}`, 'hodu plugin rebuild foreign');
  });
  test('ABI mismatch names both versions and the rebuild command', async () => {
    await expectHoduError(() => probeNativeLibrary(lib('wrong-abi'), 'wrong-abi'), 'E_PLUGIN_ABI', 'ABI 999', `ABI ${ABI_VERSION}`, 'hodu plugin rebuild wrong-abi');
  });
  test('an incompatible SDK range names both versions', async () => {
    await expectHoduError(() => probeNativeLibrary(lib('incompatible-sdk')), 'E_PLUGIN_SDK', '^9.0.0', SDK_VERSION, 'hodu plugin rebuild incompatible-sdk');
  });
});

describeWithTools(['cc'], 'the template plugin runs an MLP', () => {
  test('in process, matching interp within 1e-5, re-planned when the batch changes', async () => {
    const m = mlpModel();
    const native = loadNativeBackend(join(work, 'libdemo.so'), probeNativeLibrary(join(work, 'libdemo.so')));
    const session = await native.createSession(m);
    const reference = await interp.createSession(m);
    for (const [batch, seed] of [[3, 11], [3, 12], [7, 13]] as const) {
      const feeds = mlpFeeds(batch, seed);
      await expectClose(await session.run(feeds), await reference.run(feeds), 1e-5);
    }
    session.dispose?.();
  });
  test('in process, each batch size is planned once and kept (MAX_NATIVE_PLANS), the least recently used destroyed', async () => {
    const m = mlpModel();
    const native = loadNativeBackend(join(work, 'libdemo.so'), probeNativeLibrary(join(work, 'libdemo.so')));
    const proto = NativeBackendBinding.prototype;
    const create = proto.create;
    const destroy = proto.destroy;
    let created = 0;
    let destroyed = 0;
    proto.create = function (this: NativeBackendBinding, bytes: Uint8Array) {
      created++;
      return create.call(this, bytes);
    };
    proto.destroy = function (this: NativeBackendBinding, h) {
      destroyed++;
      return destroy.call(this, h);
    };
    try {
      const session = await native.createSession(m);
      const reference = await interp.createSession(m);
      for (const batch of [3, 7, 3, 7, 3]) {
        const feeds = mlpFeeds(batch, batch);
        await expectClose(await session.run(feeds), await reference.run(feeds), 1e-5);
      }
      expect([created, destroyed]).toEqual([2, 0]);
      for (let batch = 1; batch <= MAX_NATIVE_PLANS + 1; batch++) await session.run(mlpFeeds(batch, batch));
      // Sizes 1, 2, 4, 5 are new (3 is still kept); 7, then 1, fall out of the cache past MAX_NATIVE_PLANS (4).
      expect(created).toBe(2 + MAX_NATIVE_PLANS);
      expect(destroyed).toBe(created - MAX_NATIVE_PLANS);
      session.dispose?.();
      expect(destroyed).toBe(created);
    } finally {
      proto.create = create;
      proto.destroy = destroy;
    }
  });
  test('isolated in a child process', async () => {
    const m = mlpModel();
    const native = loadNativeBackend(join(work, 'libdemo.so'), probeNativeLibrary(join(work, 'libdemo.so')), { isolate: true });
    const feeds = mlpFeeds(5, 21);
    await expectClose(await (await native.createSession(m)).run(feeds), await (await interp.createSession(m)).run(feeds), 1e-5);
  });
  test('unsupportedOps lists ops without kernels', () => {
    const info = probeNativeLibrary(join(work, 'libdemo.so'));
    const native = loadNativeBackend(join(work, 'libdemo.so'), info);
    expect(native.unsupportedOps!(mlpModel())).toEqual([]);
    const conv = model({
      inputs: { x: [1, 1, 4, 4] }, outputs: ['y'],
      initializers: { w: float32Tensor([1, 1, 1, 1], [1, 1, 2, 2]) },
      nodes: [node('Conv', ['x', 'w'], ['c']), node('Relu', ['c'], ['y'])],
    });
    expect(native.unsupportedOps!(conv)).toEqual(['Conv']);
    // dynamic shapes cannot be planned: judged by op name
    expect(native.unsupportedOps!(model({ inputs: { x: ['N', 4] }, outputs: ['y'], nodes: [node('Elu', ['x'], ['y'])] }))).toEqual(['Elu']);
  });
  test('the C manifest reader rejects malformed bytes', async () => {
    const binding = new NativeBackendBinding(join(work, 'libdemo.so'));
    const bytes = encodeManifest(planManifest(mlpModel(), new Map([['x', [2, 8]]])));
    bytes[128 + 4] = 99; // tensor 0 dtype
    await expectHoduError(() => binding.create(bytes), 'E_PLUGIN_REFUSED', 'malformed manifest', 'unsupported dtype 99');
    binding.close();
  });
});

describeWithTools(['cc'], 'misbehaving plugins', () => {
  const reluModel = () => model({ inputs: { x: [4] }, outputs: ['y'], nodes: [node('Relu', ['x'], ['y'], {}, 'the_relu')] });
  const feeds = () => new Map<string, RuntimeValue>([['x', float32Tensor([-1, 2, -3, 4], [4])]]);

  test('the control plugin works in and out of process', async () => {
    const info = probeNativeLibrary(lib('relu-ok'));
    for (const isolate of [false, true]) {
      const out = await (await loadNativeBackend(lib('relu-ok'), info, { isolate }).createSession(reluModel())).run(feeds());
      expect(Array.from((out.get('y') as Tensor).data as Float32Array)).toEqual([0, 2, 0, 4]);
    }
  });
  test('an error status and message reach the caller', async () => {
    const info = probeNativeLibrary(lib('returns-error'));
    for (const isolate of [false, true]) {
      const session = await loadNativeBackend(lib('returns-error'), info, { isolate }).createSession(reluModel());
      await expectHoduError(session.run(feeds()), 'E_PLUGIN', "plugin 'returns-error' failed (status 2, unsupported)", 'relu_f32 refuses 4 elements on purpose');
    }
  });
  test('a segfault is reported with the signal and the kernel', async () => {
    const info = probeNativeLibrary(lib('crash-segv'));
    const session = await loadNativeBackend(lib('crash-segv'), info, { isolate: true }).createSession(reluModel());
    await expectHoduError(session.run(feeds()), 'E_PLUGIN_CRASH', "plugin 'crash-segv' crashed with SIGSEGV while running kernel 'relu_f32'", "node 'the_relu'");
  });
  test('an abort is reported with SIGABRT', async () => {
    const m = planManifest(reluModel());
    const input = new Uint8Array(new Float32Array([1, 2, 3, 4]).buffer);
    await expectHoduError(runIsolated(lib('crash-abort'), m, [input], { name: 'crash-abort' }), 'E_PLUGIN_CRASH', "plugin 'crash-abort' crashed with SIGABRT while running kernel 'relu_f32'");
  });
});
