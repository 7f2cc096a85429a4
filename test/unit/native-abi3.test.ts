/**
 * ABI 3: HoduBackendApi.build and HoduBuildOptions. The offsets the host reads equal the C compiler's, a
 * builder fixture gets the options it was given and its refusal names the node (nothing written), and an
 * ABI-2 plugin (no `build` member, even with the builder flag) still loads and runs without a build().
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HoduError } from '../../src/errors';
import { float32Tensor, type Tensor } from '../../src/ir/tensor';
import { planManifest } from '../../src/plan/plan-manifest';
import { NativeBackendBinding } from '../../src/plugins/native/binding';
import { BUILD_OPTIONS } from '../../src/plugins/native/build-call';
import { libraryRecipe } from '../../src/plugins/native/build-recipe';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import { BACKEND_API, DESCRIPTOR } from '../../src/plugins/native/probe';
import type { RuntimeValue } from '../../src/sdk/backend';
import { encodeManifest } from '../../src/sdk/manifest';
import { model, node } from '../fixtures/plugins/models';
import { checkTools, describeWithTools } from '../support/optional-tools';

const root = join(import.meta.dir, '..', '..');
const ffi = join(root, 'ffi');
let work: string;
const lib = (name: string) => join(work, `lib${name}.so`);

function cc(args: string[]): void {
  const r = Bun.spawnSync(['cc', '-std=c11', '-pedantic', '-Wall', '-Wextra', '-Werror', `-I${ffi}`, ...args], { stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`cc ${args.join(' ')}\n${r.stderr.toString()}`);
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hodu-native-abi3-'));
  if (!checkTools(['cc']).run) return;
  for (const f of ['abi2-relu', 'builder-echo', 'relu-ok']) cc(['-fPIC', '-shared', join(root, 'test', 'fixtures', 'plugins', `${f}.c`), '-o', lib(f)]);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const reluModel = (op = 'Relu') => model({ inputs: { x: [4] }, outputs: ['y'], nodes: [node(op, ['x'], ['y'], {}, `my ${op.toLowerCase()}`)] });
const manifestOf = (op = 'Relu') => encodeManifest(planManifest(reluModel(op), new Map([['x', [4]]])));
const feeds = () => new Map<string, RuntimeValue>([['x', float32Tensor([-1, 2, -3, 4], [4])]]);

function caught(f: () => unknown): HoduError {
  try {
    f();
  } catch (e) {
    if (e instanceof HoduError) return e;
    throw e;
  }
  throw new Error('expected a HoduError');
}

describeWithTools(['cc'], 'native plugin ABI 3 (build)', () => {
  test("the offsets the host reads are the C compiler's (descriptor, HoduBackendApi, HoduBuildOptions)", () => {
    const src = join(work, 'offsets.c');
    writeFileSync(
      src,
      `#include "hodu_plugin.h"
int main(void) {
  printf("%zu %zu %zu %zu %zu %zu\\n", offsetof(HoduBackendApi, create), offsetof(HoduBackendApi, run), offsetof(HoduBackendApi, destroy),
         offsetof(HoduBackendApi, supports_kernel), offsetof(HoduBackendApi, build), sizeof(HoduBackendApiV2));
  printf("%zu %zu %zu %zu %zu\\n", offsetof(HoduBuildOptions, struct_size), offsetof(HoduBuildOptions, threads), offsetof(HoduBuildOptions, out_dir),
         offsetof(HoduBuildOptions, target), sizeof(HoduBuildOptions));
  printf("%zu\\n", offsetof(HoduPluginDescriptor, backend));
  return 0;
}
`,
    );
    cc([src, '-o', join(work, 'offsets')]);
    const [api, opts, desc] = Bun.spawnSync([join(work, 'offsets')]).stdout.toString().trim().split('\n').map((l) => l.split(' ').map(Number));
    expect(api).toEqual([BACKEND_API.create, BACKEND_API.run, BACKEND_API.destroy, BACKEND_API.supportsKernel, BACKEND_API.build, BACKEND_API.build]);
    expect(opts).toEqual([BUILD_OPTIONS.structSize, BUILD_OPTIONS.threads, BUILD_OPTIONS.outDir, BUILD_OPTIONS.target, BUILD_OPTIONS.size]);
    expect(desc).toEqual([DESCRIPTOR.backend]);
  });

  test('a builder gets threads, target and out_dir, and the host returns the C files it wrote', () => {
    const info = probeNativeLibrary(lib('builder-echo'));
    expect(info).toMatchObject({ abiVersion: 3, builder: true, buildEntry: true });
    const out = join(work, 'echo-out');
    mkdirSync(out);
    writeFileSync(join(out, 'already-there.c'), 'int x;\n');
    const binding = new NativeBackendBinding(lib('builder-echo'));
    try {
      expect(binding.build(manifestOf(), { threads: 3, target: 'aarch64-linux-gnu' }, out)).toEqual([join(out, 'echo_build.c')]);
    } finally {
      binding.close();
    }
    const text = readFileSync(join(out, 'echo_build.c'), 'utf8');
    expect(text).toContain('hodu_echo_target = "aarch64-linux-gnu"');
    expect(text).toContain('hodu_echo_threads = 3;');
    expect(text).toContain(`hodu_echo_struct_size = ${BUILD_OPTIONS.size};`);
    expect(text).toContain("/* step 0: relu_f32, node 'my relu' (Relu) */");
  });

  test("a builder's refusal is E_BUILD_BACKEND with its message naming the node, and nothing is written", () => {
    const out = join(work, 'echo-refused');
    mkdirSync(out);
    const binding = new NativeBackendBinding(lib('builder-echo'));
    try {
      const e = caught(() => binding.build(manifestOf('Sigmoid'), { threads: 1, target: 'x86_64-linux-gnu' }, out));
      expect(e.code).toBe('E_BUILD_BACKEND');
      expect(e.message).toContain("kernel 'sigmoid_f32' (node 'my sigmoid') is not implemented by builder-echo");
    } finally {
      binding.close();
    }
    expect(readdirSync(out)).toEqual([]);
  });

  test('loadNativeBackend gives a builder with a kernel library build(); the recipe joins the files and the library', async () => {
    const pkg = join(work, 'pkg');
    mkdirSync(join(pkg, 'src'), { recursive: true });
    writeFileSync(join(pkg, 'src', 'a.c'), '#include "a.h"\n');
    writeFileSync(join(pkg, 'src', 'a.h'), '/* v1 */\n');
    const native = { sources: ['src/a.c'], cflags: ['-Wall'], ldflags: ['-lm'] };
    const recipe = () => libraryRecipe(pkg, native, [ffi]);
    const backend = loadNativeBackend(lib('builder-echo'), probeNativeLibrary(lib('builder-echo')), { library: async () => recipe() });
    expect(backend.capabilities.builder).toBe(true);
    const out = join(work, 'echo-recipe');
    mkdirSync(out);
    const r = await backend.build!({ manifest: manifestOf(), threads: 2, target: 'x86_64-linux-gnu', outDir: out });
    expect(r.generated).toEqual([join(out, 'echo_build.c')]);
    expect(r.library).toMatchObject({ root: pkg, sources: ['src/a.c'], includeDirs: [ffi], cflags: ['-std=c11', '-O2', '-Wall'] });
    expect(r.ldflags).toEqual(['-lm']);
    expect(r.library.id).toMatch(/^[0-9a-f]{64}$/);
    // The id follows the contents of a header the sources include, and the flags.
    const first = r.library.id;
    expect(recipe().library.id).toBe(first);
    writeFileSync(join(pkg, 'src', 'a.h'), '/* v2 */\n');
    expect(recipe().library.id).not.toBe(first);
    expect(libraryRecipe(pkg, { ...native, cflags: ['-Wall', '-O3'] }, [ffi]).library.id).not.toBe(recipe().library.id);
    // Without sources known, a builder cannot build: no build() and no builder capability.
    const bare = loadNativeBackend(lib('builder-echo'), probeNativeLibrary(lib('builder-echo')));
    expect(bare.build).toBeUndefined();
    expect(bare.capabilities.builder).toBe(false);
  });

  test('an ABI-2 plugin still loads and runs (in process and isolated); its builder flag gives no build()', async () => {
    const info = probeNativeLibrary(lib('abi2-relu'));
    expect(info).toMatchObject({ abiVersion: 2, builder: true, buildEntry: false });
    for (const isolate of [false, true]) {
      const backend = loadNativeBackend(lib('abi2-relu'), info, { isolate, library: async () => libraryRecipe(work, { sources: [] }, []) });
      expect(backend.build).toBeUndefined();
      const out = await (await backend.createSession(reluModel(), { threads: 2 })).run(feeds());
      expect(Array.from((out.get('y') as Tensor).data as Float32Array)).toEqual([0, 2, 0, 4]);
    }
    const binding = new NativeBackendBinding(lib('abi2-relu'));
    try {
      expect(binding.canBuild).toBe(false);
      expect(caught(() => binding.build(manifestOf(), { threads: 1, target: 'x86_64-linux-gnu' }, work)).message).toContain('build needs ABI 3');
    } finally {
      binding.close();
    }
  });

  test('an ABI-3 plugin exported without a builder has build = NULL: no build entry', () => {
    const info = probeNativeLibrary(lib('relu-ok'));
    expect(info).toMatchObject({ abiVersion: 3, builder: false, buildEntry: false });
  });
});
