import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { HoduError } from '../errors';
import { EMBEDDED_PLUGIN_NAMES } from '../embedded-plugins';
import type { DType } from '../ir/dtype';
import { onInterrupt } from '../util/interrupt';
import { jsSupports } from './backend-candidates';
import { cCompiler, type BuildProfile } from './build-native';
import { copyPackage, isInside } from './copy-package';
import { loadJsPlugin } from './js-loader';
import { pidAlive, withPluginsLock } from './lock';
import { nativeLoader } from './native-bridge';
import { readPluginPackage, type PluginPackage } from './package-manifest';
import { hoduHome, pluginsDir } from '../home';
import { readRegistry, writeRegistry, type BackendSupports, type InstalledPluginEntry } from './plugins-json';
import { fileChecksum, pluginInstallDir } from './store';
import { assertSdkCompatible } from './sdk-compat';
import { assertToolsPresent } from './system-tools';

/** Progress and warnings for the CLI to render (library code never prints). */
export type InstallEvent = { kind: 'step'; message: string } | { kind: 'warn'; message: string };

export interface InstallOptions {
  /** Build native sources with `-O0 -g` instead of `-O2`. */
  debug?: boolean;
  /** Replace an installed plugin of the same name. */
  force?: boolean;
  onEvent?: (e: InstallEvent) => void;
}

export interface InstallResult {
  plugin: InstalledPluginEntry;
  /** Whether an installed plugin of the same name was replaced. */
  replaced: boolean;
}

/** `hodu plugin install --path DIR`: validate, build in a staging folder, check, then swap in under the lock. */
export async function installFromPath(dir: string, opts: InstallOptions = {}): Promise<InstallResult> {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new HoduError('E_NOT_FOUND', `${abs}: no such directory`, { hint: 'pass the folder that holds the plugin package.json' });
  }
  return installPackage(abs, { kind: 'path', path: abs }, opts);
}

/**
 * Installs the package in `srcDir`. Everything before the final swap happens in
 * `plugins/.staging-*`, so any failure leaves plugins.json and the installed folders untouched.
 */
export async function installPackage(srcDir: string, source: InstalledPluginEntry['source'], opts: InstallOptions): Promise<InstallResult> {
  const emit = opts.onEvent ?? (() => {});
  const pkg = readPluginPackage(srcDir);
  const name = pkg.name;
  if (EMBEDDED_PLUGIN_NAMES.includes(name)) {
    throw new HoduError('E_PLUGIN_RESERVED', `'${name}' is a plugin built into hodu and cannot be replaced by ${pkg.file}`, {
      hint: 'rename the package (the "name" field of package.json)',
    });
  }
  assertSdkCompatible(name, pkg.hodu.sdk);
  assertToolsPresent(name, [...(pkg.hodu.requires ?? []), ...(pkg.hodu.native ? [cCompiler()[0]!] : [])]);
  // Fail before building when the answer is already known (checked again under the lock).
  if (readRegistry().plugins[name] && !opts.force) throw alreadyInstalled(name);
  assertHomeOutside(srcDir);

  mkdirSync(pluginsDir(), { recursive: true });
  const staging = mkdtempSync(join(pluginsDir(), `.staging-${process.pid}-`));
  // Ctrl+C while building: drop the staging copy (the swap in commit() is synchronous, so never half-done).
  const unregister = onInterrupt(() => rmSync(staging, { recursive: true, force: true }));
  try {
    copyPackage(srcDir, staging);
    const profile: BuildProfile = opts.debug ? 'debug' : 'release';
    const fields = await prepare(pkg, staging, source, profile, emit);
    return await commit(name, staging, fields, opts.force ?? false);
  } finally {
    unregister();
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The staging copy is made under $HODU_HOME/plugins: with HODU_HOME inside the package, the copy would
 * contain itself (and every installed plugin would ship inside the next one).
 */
function assertHomeOutside(srcDir: string): void {
  const home = hoduHome();
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : p);
  if (isInside(real(srcDir), real(home)) || isInside(srcDir, home)) {
    throw new HoduError('E_USAGE', `HODU_HOME (${home}) is inside the plugin folder ${srcDir}`, {
      hint: 'set HODU_HOME to a folder outside the plugin package (e.g. unset it to use ~/.hodu), or move the package',
    });
  }
}

/** Builds (native) or loads (JS) the staged copy and returns its registry entry, minus the final path. */
async function prepare(pkg: PluginPackage, staging: string, source: InstalledPluginEntry['source'], profile: BuildProfile, emit: (e: InstallEvent) => void): Promise<InstalledPluginEntry> {
  const h = pkg.hodu;
  let checksum: string;
  let supports: BackendSupports | undefined;
  if (h.native) {
    if (h.type !== 'backend') {
      throw new HoduError('E_PLUGIN_MANIFEST', `${pkg.file}: native format plugins are not supported yet`, { hint: 'write format plugins in TypeScript/JavaScript ("entry")' });
    }
    emit({ kind: 'warn', message: `building native code from ${source.path}` });
    const { buildNativePluginCached } = await import('./cached-native-build');
    const compiling = () => emit({ kind: 'step', message: `compiling ${h.native!.sources.length} C source${h.native!.sources.length > 1 ? 's' : ''} (${profile === 'debug' ? '-O0 -g' : '-O2'})` });
    const { library: lib, hit } = await buildNativePluginCached(pkg.name, staging, h.native, profile, dirname(pkg.file), { onCompile: compiling, warn: (message) => emit({ kind: 'warn', message }) });
    if (hit) emit({ kind: 'step', message: `reused the library compiled from the same sources (compile cache; \`hodu cache clean\` or [cache] enabled = false to recompile)` });
    // Probed in a child process: a library whose load-time code crashes is reported, not fatal to hodu.
    const { probeIsolated } = await nativeLoader();
    const info = await probeIsolated(lib, { name: pkg.name });
    if (info.name !== pkg.name) {
      throw new HoduError('E_PLUGIN_MISMATCH', `${pkg.file}: the package is named '${pkg.name}' but its library declares '${info.name}'`, {
        hint: 'use the same name in package.json and in HODU_EXPORT_BACKEND_PLUGIN',
      });
    }
    // Vocabulary (docs/plugins.md): ops are ONNX operators, kernels the library's functions (one per op and dtype).
    const ops = h.type === 'backend' && h.capabilities.ops ? `, for ${h.capabilities.ops.length} op${h.capabilities.ops.length === 1 ? '' : 's'}` : '';
    emit({ kind: 'step', message: `checked ${h.native.library}: ABI ${info.abiVersion}, SDK range ${info.sdkRange}, ${info.kernels.length} kernel${info.kernels.length === 1 ? '' : 's'}${ops}` });
    checksum = fileChecksum(lib);
    supports = { kernels: info.kernels };
  } else {
    const entry = join(staging, h.entry!);
    if (!existsSync(entry) || !statSync(entry).isFile()) {
      throw new HoduError('E_PLUGIN_MANIFEST', `${pkg.file}: hodu.entry '${h.entry}' ${existsSync(entry) ? 'is not a file' : 'does not exist'}`, { hint: 'point "entry" at the plugin module, relative to package.json' });
    }
    if (h.type === 'backend') supports = jsSupports(await loadJsPlugin(entry, 'backend', pkg.name));
    else await loadJsPlugin(entry, 'format', pkg.name);
    emit({ kind: 'step', message: `loaded ${h.entry}: a valid ${h.type} plugin` });
    checksum = fileChecksum(entry);
  }
  const test = h.type === 'backend' ? await testAtInstall(pkg, staging, checksum, emit) : undefined;
  const base = {
    name: pkg.name,
    version: pkg.version,
    source,
    path: '',
    sdk: h.sdk,
    installedAt: new Date().toISOString(),
    build: profile,
    checksum,
    library: h.native?.library,
    entry: h.entry,
    test,
  };
  return h.type === 'backend' ? { ...base, type: 'backend', capabilities: h.capabilities, supports } : { ...base, type: 'format', capabilities: h.capabilities };
}

/**
 * Runs `plugin test` on the staged backend and returns the record for plugins.json. A failure does not stop
 * the install (the plugin stays usable with --backend NAME) but keeps it from being chosen automatically.
 */
async function testAtInstall(pkg: PluginPackage, staging: string, checksum: string, emit: (e: InstallEvent) => void): Promise<InstalledPluginEntry['test']> {
  const h = pkg.hodu;
  if (h.type !== 'backend') return undefined;
  const { testStagedPlugin, testSummary } = await import('./plugin-test');
  emit({ kind: 'step', message: `testing ${h.capabilities.ops ? `${h.capabilities.ops.length} op${h.capabilities.ops.length === 1 ? '' : 's'}` : 'its ops'} against interp (plugin test)` });
  const file = join(staging, h.native ? h.native.library : h.entry!);
  let passed: boolean;
  let summary: string;
  try {
    const report = await testStagedPlugin({
      name: pkg.name, kind: h.native ? 'native' : 'js', type: 'backend', file, sdkRange: h.sdk,
      declaredOps: h.capabilities.ops, declaredDtypes: h.capabilities.dtypes as DType[] | undefined,
    });
    passed = report.passed;
    summary = testSummary(report);
  } catch (e) {
    passed = false;
    summary = e instanceof Error ? e.message : String(e);
  }
  if (passed) emit({ kind: 'step', message: `plugin test: ${summary}` });
  else {
    emit({
      kind: 'warn',
      message: `plugin '${pkg.name}' failed plugin test (${summary}); it is installed but not chosen automatically: fix it and \`hodu plugin rebuild ${pkg.name}\`, or pick it with --backend ${pkg.name}`,
    });
  }
  return { at: new Date().toISOString(), passed, checksum, summary };
}

/**
 * Removes staging, moved-aside and removed folders left by hodu processes that died (crash, kill -9)
 * mid-install. Their names carry the pid; live processes' folders are left alone. Call under the lock.
 */
export function sweepLeftovers(): void {
  for (const name of readdirSync(pluginsDir())) {
    const m = /^\.(staging|old|removed)-(\d+)-/.exec(name);
    if (m && !pidAlive(Number(m[2]))) rmSync(join(pluginsDir(), name), { recursive: true, force: true });
  }
}

function alreadyInstalled(name: string): HoduError {
  return new HoduError('E_PLUGIN_EXISTS', `plugin '${name}' is already installed`, {
    hint: `add --force to replace it, or run \`hodu plugin rebuild ${name}\` to rebuild the installed copy`,
  });
}

/** Under the lock: move the old folder aside, rename staging into place, write plugins.json, then drop the old. */
async function commit(name: string, staging: string, entry: InstalledPluginEntry, force: boolean): Promise<InstallResult> {
  return withPluginsLock(() => {
    sweepLeftovers();
    const registry = readRegistry();
    const replaced = Boolean(registry.plugins[name]);
    const target = pluginInstallDir(name);
    if ((replaced || existsSync(target)) && !force) {
      if (replaced) throw alreadyInstalled(name);
      throw new HoduError('E_PLUGIN_EXISTS', `${target} exists but is not in plugins.json (left over from an interrupted install?)`, {
        hint: 'add --force to replace it',
      });
    }
    const aside = existsSync(target) ? join(pluginsDir(), `.old-${basename(staging).slice('.staging-'.length)}`) : undefined;
    if (aside) renameSync(target, aside);
    let moved = false;
    try {
      mkdirSync(dirname(target), { recursive: true });
      renameSync(staging, target);
      moved = true;
      // Disabling is the user's choice: a rebuild or --force reinstall keeps it.
      const plugin = { ...entry, path: target, ...(registry.plugins[name]?.disabled ? { disabled: true } : {}) };
      writeRegistry({ ...registry, plugins: { ...registry.plugins, [name]: plugin } });
      if (aside) rmSync(aside, { recursive: true, force: true });
      return { plugin, replaced };
    } catch (e) {
      // Put everything back the way it was.
      if (moved) renameSync(target, staging);
      if (aside) renameSync(aside, target);
      throw e;
    }
  });
}
