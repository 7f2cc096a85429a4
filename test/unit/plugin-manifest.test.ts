import { describe, expect, test } from 'bun:test';
import { decodeMagic, parsePluginPackage } from '../../src/plugins/package-manifest';
import { assertSdkCompatible, sdkCompatible } from '../../src/plugins/sdk-compat';
import { errorOf } from '../support/errors';

const formatCaps = { loadModel: false, saveModel: false, loadTensors: true, saveTensors: true, extensions: ['.hdt'] };
const backendCaps = { runner: true, builder: false, devices: ['cpu'], priority: 5 };

function pkg(hodu: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { name: 'demo', version: '1.2.3', hodu, ...extra };
}

describe('plugin package manifest', () => {
  test('accepts a JS format plugin and a native backend plugin', () => {
    const f = parsePluginPackage(pkg({ type: 'format', sdk: '^0.1.0', entry: 'index.ts', capabilities: { ...formatCaps, magic: ['4844'] } }), 'f/package.json');
    expect(f.name).toBe('demo');
    expect(f.hodu.type).toBe('format');
    expect(f.hodu.entry).toBe('index.ts');
    const b = parsePluginPackage(
      pkg({ type: 'backend', sdk: '>=0.1.0 <0.3.0', native: { sources: ['src/a.c'], cflags: ['-Wall'], library: 'libdemo.so' }, requires: ['cc'], capabilities: { ...backendCaps, ops: ['Add'], dtypes: ['float32'] } }),
      'b/package.json',
    );
    expect(b.hodu.native?.library).toBe('libdemo.so');
    expect(b.hodu.requires).toEqual(['cc']);
  });

  test('accepts scoped names', () => {
    expect(parsePluginPackage(pkg({ type: 'format', sdk: '^0.1.0', entry: 'i.js', capabilities: formatCaps }, { name: '@acme/fast-fmt' }), 'p').name).toBe('@acme/fast-fmt');
  });

  test('names the file and the dotted path of a wrong field', () => {
    const e = errorOf(() => parsePluginPackage(pkg({ type: 'backend', sdk: '^0.1.0', entry: 'i.js', capabilities: { ...backendCaps, devices: 'cpu' } }), '/x/package.json'));
    expect(e.code).toBe('E_PLUGIN_MANIFEST');
    expect(e.message).toContain('/x/package.json');
    expect(e.message).toContain('hodu.capabilities.devices');
    expect(e.hint).toContain('docs/plugins.md');
  });

  test('rejects a missing hodu section, bad names, bad versions', () => {
    expect(errorOf(() => parsePluginPackage({ name: 'demo', version: '1.0.0' }, 'p')).message).toContain('no "hodu" section');
    for (const name of ['Demo', 'my_plugin', '-x', '@/x', 'a/b/c', '../evil']) {
      expect(errorOf(() => parsePluginPackage(pkg({ type: 'format', sdk: '^0.1.0', entry: 'i.js', capabilities: formatCaps }, { name }), 'p')).message).toContain('name:');
    }
    expect(errorOf(() => parsePluginPackage(pkg({ type: 'format', sdk: '^0.1.0', entry: 'i.js', capabilities: formatCaps }, { version: 'one' }), 'p')).message).toContain('version:');
  });

  test('requires exactly one of entry and native', () => {
    const neither = errorOf(() => parsePluginPackage(pkg({ type: 'format', sdk: '^0.1.0', capabilities: formatCaps }), 'p'));
    expect(neither.message).toContain('exactly one of "entry"');
    const both = errorOf(() => parsePluginPackage(pkg({ type: 'backend', sdk: '^0.1.0', entry: 'i.js', native: { sources: ['a.c'], library: 'l.so' }, capabilities: backendCaps }), 'p'));
    expect(both.message).toContain('exactly one of "entry"');
  });

  test('rejects paths that leave the package, unknown types, typos, bad ranges, bad dtypes', () => {
    expect(errorOf(() => parsePluginPackage(pkg({ type: 'format', sdk: '^0.1.0', entry: '../x.js', capabilities: formatCaps }), 'p')).message).toContain('hodu.entry');
    expect(errorOf(() => parsePluginPackage(pkg({ type: 'backend', sdk: '^0.1.0', native: { sources: ['/etc/a.c'], library: 'l.so' }, capabilities: backendCaps }), 'p')).message).toContain('hodu.native.sources.0');
    expect(errorOf(() => parsePluginPackage(pkg({ type: 'backend', sdk: '^0.1.0', native: { sources: ['a.c'], library: '../l.so' }, capabilities: backendCaps }), 'p')).message).toContain('hodu.native.library');
    expect(errorOf(() => parsePluginPackage(pkg({ type: 'model', sdk: '^0.1.0', entry: 'i.js', capabilities: formatCaps }), 'p')).message).toContain('hodu.type');
    expect(errorOf(() => parsePluginPackage(pkg({ type: 'format', sdk: '^0.1.0', entry: 'i.js', capabilites: formatCaps }), 'p')).message).toContain('hodu.capabilities');
    expect(errorOf(() => parsePluginPackage(pkg({ type: 'format', sdk: 'latest please', entry: 'i.js', capabilities: formatCaps }), 'p')).message).toContain('hodu.sdk');
    expect(errorOf(() => parsePluginPackage(pkg({ type: 'backend', sdk: '^0.1.0', entry: 'i.js', capabilities: { ...backendCaps, dtypes: ['float33'] } }), 'p')).message).toContain('hodu.capabilities.dtypes.0');
    expect(errorOf(() => parsePluginPackage(pkg({ type: 'format', sdk: '^0.1.0', entry: 'i.js', capabilities: { ...formatCaps, extensions: ['hdt'] } }), 'p')).message).toContain('hodu.capabilities.extensions.0');
  });

  test('magic bytes are hex', () => {
    expect(decodeMagic(['934e554d', '00ff'])).toEqual([new Uint8Array([0x93, 0x4e, 0x55, 0x4d]), new Uint8Array([0, 255])]);
    expect(errorOf(() => parsePluginPackage(pkg({ type: 'format', sdk: '^0.1.0', entry: 'i.js', capabilities: { ...formatCaps, magic: ['xyz'] } }), 'p')).message).toContain('hodu.capabilities.magic.0');
  });
});

describe('SDK compatibility', () => {
  test('semver ranges against the host SDK version', () => {
    expect(sdkCompatible('^0.1.0', '0.1.0')).toBe(true);
    expect(sdkCompatible('^0.1.0', '0.1.7')).toBe(true);
    // ^0.x allows only patch updates: 0.2.0 may break 0.1 plugins.
    expect(sdkCompatible('^0.1.0', '0.2.0')).toBe(false);
    expect(sdkCompatible('>=0.1.0 <2', '1.4.0')).toBe(true);
    expect(sdkCompatible('^1.0.0', '0.9.0')).toBe(false);
    expect(sdkCompatible('not a range', '0.1.0')).toBe(false);
  });

  test('an incompatible plugin is refused with both versions and a rebuild hint', () => {
    const e = errorOf(() => assertSdkCompatible('demo', '^2.0.0', '0.1.0'));
    expect(e.code).toBe('E_SDK_INCOMPATIBLE');
    expect(e.message).toContain('^2.0.0');
    expect(e.message).toContain('0.1.0');
    expect(e.hint).toContain('hodu plugin rebuild demo');
  });
});
