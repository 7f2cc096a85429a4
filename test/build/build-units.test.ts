/** The pure parts of `hodu build`: targets, formats, shapes, kernel coverage, C strings, embedded sources. */
import { afterAll, expect, test } from 'bun:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pkg from '../../plugins/backend-cpu/package.json' with { type: 'json' };
import { libraryId } from '../../src/backends/cpu/build-recipe';
import { CPU_SOURCE_FILES } from '../../src/backends/cpu/embedded-sources';
import { artifactFormat } from '../../src/build/build-model';
import { cString } from '../../src/build/emit-api';
import { objectName } from '../../src/build/kernel-library';
import { externalDataFiles } from '../../src/build/model-key';
import { checkKernelCoverage, staticInputShapes } from '../../src/build/static-plan';
import { knownTargets, parseTarget, toolchainFor } from '../../src/build/target';
import { HoduError } from '../../src/errors';
import { planManifest } from '../../src/plan/plan-manifest';
import { BUILT_MODEL_API_VERSION } from '../../src/version';
import { cpuSourceFiles, embeddedSourcesModule } from '../../scripts/gen-cpu-sources';
import { buildModel, tempDir } from '../e2e/hodu';
import { cCompiler, testWithTools } from '../support/optional-tools';

const tmp = tempDir('hodu-build-units-');
afterAll(() => tmp.cleanup());

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof HoduError ? e.code : `not a HoduError: ${e}`;
  }
  return undefined;
}

test('targets: native, the Linux triples and their aliases; anything else is E_BUILD_TARGET listing the known ones', () => {
  expect(parseTarget(undefined).native).toBe(true);
  expect(parseTarget('native').native).toBe(true);
  expect(parseTarget('linux-arm64').triple).toBe('aarch64-linux-gnu');
  expect(parseTarget('aarch64-linux-gnu').arch).toBe('aarch64');
  expect(parseTarget('linux-x64').triple).toBe('x86_64-linux-gnu');
  expect(codeOf(() => parseTarget('riscv64-linux-gnu'))).toBe('E_BUILD_TARGET');
  try {
    parseTarget('sparc');
  } catch (e) {
    for (const t of knownTargets()) expect((e as Error).message).toContain(t);
  }
});

test('a missing cross compiler is E_MISSING_TOOL naming the Debian and Homebrew packages', () => {
  const target = process.arch === 'x64' ? parseTarget('aarch64-linux-gnu') : parseTarget('x86_64-linux-gnu');
  try {
    toolchainFor(target, () => null);
    throw new Error('no error');
  } catch (e) {
    expect((e as HoduError).code).toBe('E_MISSING_TOOL');
    expect((e as HoduError).hint).toContain(`apt-get install gcc-${target.arch.replace('_', '-')}-linux-gnu`);
    expect((e as HoduError).hint).toContain('brew install');
  }
  expect(toolchainFor(target, (c) => (c === `${target.triple}-gcc` ? `/usr/bin/${c}` : null)).cc).toEqual([`${target.triple}-gcc`]);
});

test('format: --format, else --standalone, else the extension; conflicts and unknown extensions are E_USAGE', () => {
  expect(artifactFormat(undefined, 'm.so', false)).toBe('so');
  expect(artifactFormat(undefined, 'm.dylib', false)).toBe('so');
  expect(artifactFormat(undefined, 'lib/m.a', false)).toBe('a');
  expect(artifactFormat(undefined, 'model', true)).toBe('exe');
  expect(artifactFormat('exe', 'model.bin', false)).toBe('exe');
  expect(artifactFormat('a', 'x.so', false)).toBe('a');
  expect(codeOf(() => artifactFormat(undefined, 'model', false))).toBe('E_USAGE');
  expect(codeOf(() => artifactFormat('so', 'm.so', true))).toBe('E_USAGE');
  expect(codeOf(() => artifactFormat('dll', 'm.dll', false))).toBe('E_USAGE');
});

const relu = (shape: (number | string)[]) => buildModel({
  nodes: [{ name: 'r', op: 'Relu', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
  inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape } }],
  outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape } }],
});

test('static shapes: a symbolic dim needs --shape (the error names input and dim, with an example); --shape must agree with fixed dims', () => {
  const m = relu(['batch', 3]);
  try {
    staticInputShapes(m, new Map());
    throw new Error('no error');
  } catch (e) {
    expect((e as HoduError).code).toBe('E_BUILD_SHAPE');
    expect((e as HoduError).message).toContain("input 'x' has a symbolic dim 'batch'");
    expect((e as HoduError).hint).toContain('--shape x=1x3');
  }
  expect(staticInputShapes(m, new Map([['x', [4, 3]]])).get('x')).toEqual([4, 3]);
  expect(codeOf(() => staticInputShapes(m, new Map([['x', [4, 5]]])))).toBe('E_BUILD_SHAPE');
  expect(codeOf(() => staticInputShapes(m, new Map([['x', [4]]])))).toBe('E_BUILD_SHAPE');
});

test('kernel coverage: a step without a kernel is E_BUILD_UNSUPPORTED naming the op and node, hinting at hodu run', () => {
  const m = relu([2, 3]);
  const manifest = planManifest(m);
  expect(() => checkKernelCoverage(m, manifest, 'cpu', manifest.steps.map((s) => s.kernel))).not.toThrow();
  try {
    checkKernelCoverage(m, manifest, 'cpu', []);
    throw new Error('no error');
  } catch (e) {
    expect((e as HoduError).code).toBe('E_BUILD_UNSUPPORTED');
    expect((e as HoduError).message).toContain("Relu (node 'r')");
    expect((e as HoduError).hint).toContain('hodu run --backend cpu');
  }
});

testWithTools([cCompiler()], 'cString: a C compiler reads back exactly the UTF-8 bytes (quotes, backslashes, trigraphs, newlines, non-ASCII)', () => {
  const text = 'a "q" \\ ??= \n\t é 漢 */ %d';
  writeFileSync(join(tmp.dir, 's.c'), `#include <stdio.h>\nint main(void) { fputs(${cString(text)}, stdout); return 0; }\n`);
  const cc = Bun.spawnSync([cCompiler(), '-std=c11', '-Wall', '-Werror', 's.c', '-o', 's'], { cwd: tmp.dir, stderr: 'pipe' });
  expect(cc.stderr.toString()).toBe('');
  expect(Bun.spawnSync([join(tmp.dir, 's')]).stdout.toString()).toBe(text);
});

test('external data files are found in the model bytes without decoding it', () => {
  const entry = (k: string, v: string) => {
    const kb = new TextEncoder().encode(k);
    const vb = new TextEncoder().encode(v);
    return [0x0a, kb.length, ...kb, 0x12, vb.length, ...vb];
  };
  const bytes = new Uint8Array([1, 2, ...entry('location', 'weights.bin'), ...entry('offset', '0'), ...entry('location', 'b/more.data'), ...entry('location', 'weights.bin')]);
  expect(externalDataFiles(bytes)).toEqual(['b/more.data', 'weights.bin']);
  expect(externalDataFiles(new TextEncoder().encode('no external location here'))).toEqual([]);
});

test('embedded cpu sources: the generated module is current, holds every package.json source and every header they include', () => {
  expect(readFileSync(join(import.meta.dir, '..', '..', 'src', 'backends', 'cpu', 'embedded-sources.ts'), 'utf8')).toBe(embeddedSourcesModule(cpuSourceFiles()));
  const files = Object.keys(CPU_SOURCE_FILES);
  for (const s of pkg.hodu.native.sources) expect(files).toContain(s);
  const ffi = ['hodu_plugin.h', 'hodu_manifest.h'];
  for (const [path, text] of Object.entries(CPU_SOURCE_FILES)) {
    for (const m of text.matchAll(/^\s*#\s*include\s+"([^"]+)"/gm)) {
      if (!ffi.includes(m[1]!)) expect(`${path} includes src/${m[1]}: ${files.includes(`src/${m[1]}`)}`).toBe(`${path} includes src/${m[1]}: true`);
    }
  }
});

test('library identity: stable for the same files and flags, changed by any byte or flag; object names are flat and unique', () => {
  const a = libraryId({ 'src/a.c': 'int a;', 'src/b.h': '' }, ['-O2']);
  expect(libraryId({ 'src/b.h': '', 'src/a.c': 'int a;' }, ['-O2'])).toBe(a);
  expect(libraryId({ 'src/a.c': 'int a; ', 'src/b.h': '' }, ['-O2'])).not.toBe(a);
  expect(libraryId({ 'src/a.c': 'int a;', 'src/b.h': '' }, ['-O3'])).not.toBe(a);
  const names = pkg.hodu.native.sources.map(objectName);
  expect(new Set(names).size).toBe(names.length);
  expect(objectName('src/conv-direct.c')).toBe('src_conv_direct.o');
});

test('the C API header declares the built-model API version hodu writes and reads', () => {
  const header = readFileSync(join(import.meta.dir, '..', '..', 'src', 'build', 'c', 'hodu_model.h'), 'utf8');
  expect(header).toContain(`#define HODU_MODEL_API_VERSION ${BUILT_MODEL_API_VERSION}\n`);
});
