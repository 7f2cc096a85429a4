/**
 * `hodu plugin install` of a native plugin through the compile cache (kind `plugin`): installing the same
 * sources again — a reinstall, `--force`, the same plugin in a second HODU_HOME sharing `[cache] dir`, an
 * offline bundle unpacked twice — copies the library out of the cache instead of running the compiler. This
 * is where `hodu run --backend …` gets its compiled code: run itself never compiles (the embedded cpu backend
 * ships prebuilt), so the install is the "run compiles" case of the cache (docs/cache.md).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { HoduSection } from './package-manifest';
import { buildNativePlugin, cCompiler, compileCommand, writeSdkHeaders, type BuildProfile } from './build-native';
import { libraryRecipe } from './native/build-recipe';
import { compilerIdentity } from '../util/compiler-identity';
import { cachedBuild, cacheKey, cacheSettings } from '../cache';

type Native = NonNullable<HoduSection['native']>;

/** The library built from `dir` (a staging copy of the plugin), from the cache when these exact sources were built before. */
export async function buildNativePluginCached(name: string, dir: string, native: Native, profile: BuildProfile, shownDir: string, on: { onCompile: () => void; warn: (message: string) => void }): Promise<{ library: string; hit: boolean }> {
  const settings = cacheSettings();
  if (!settings.enabled) {
    on.onCompile();
    return { library: await buildNativePlugin(name, dir, native, profile, shownDir), hit: false };
  }
  const includeDir = await writeSdkHeaders();
  // Sources, every header under the package and the SDK headers, the flags, the compiler and this machine:
  // anything that changes the library's bytes or what it can run on is in the key.
  const recipe = libraryRecipe(dir, native, [includeDir]);
  const key = cacheKey({
    kind: 'plugin', name, sources: recipe.library.id, profile,
    command: compileCommand(native, 'SDK', profile), compiler: compilerIdentity(cCompiler()),
    platform: process.platform, arch: process.arch,
  });
  const file = basename(native.library);
  const { entry, hit } = await cachedBuild(settings, key, { kind: 'plugin', label: `plugin ${name} (${profile})` }, async (staging) => {
    on.onCompile();
    copyFileSync(await buildNativePlugin(name, dir, native, profile, shownDir), join(staging, file));
    return [file];
  }, on.warn);
  const library = join(dir, native.library);
  if (hit) {
    mkdirSync(dirname(library), { recursive: true });
    copyFileSync(join(entry.dir, file), library);
  }
  return { library, hit };
}
