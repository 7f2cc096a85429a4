/**
 * `hodu build`: model → native artifact. The cache key is computed first (model-key.ts: no parsing, so a
 * hit costs a hash and a copy); on a miss: plan (static-plan.ts), write the generated C (emit-api.ts), ask
 * the backend for its recipe (its generated files and kernel library sources), compile the kernel library
 * (kernel-library.ts, cached on its own), compile and link the model (link.ts). The artifact goes to OUT
 * atomically.
 */
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { HoduError } from '../errors';
import type { OptLevel } from '../passes/pass';
import { ioError } from '../util/fs-error';
import { onInterrupt } from '../util/interrupt';
import { versionInfo } from '../version';
import { cachedBuild, cacheSettings, type CacheSettings } from '../cache';
import { buildLogPath, compilerIdentity } from './compiler';
import { blobAssembly, modelHeader, modelSource, type ApiInfo } from './emit-api';
import { kernelLibrary } from './kernel-library';
import { linkArtifact, type ArtifactFormat } from './link';
import { modelContentHash, modelKey, shapeKey } from './model-key';
import type { BuildRecipe, BuildRequest } from '../sdk/backend';
import { staticPlan } from './static-plan';
import { parseTarget, toolchainFor, type BuildTarget, type Toolchain } from './target';

export interface BuildFlags {
  model: string;
  out: string;
  backend: string;
  optLevel: OptLevel;
  shapes: string[];
  target?: string;
  format?: string;
  standalone: boolean;
  /** The artifact's default thread count (0: the backend's default). */
  threads: number;
  noCache: boolean;
  /** Progress lines (a TTY without --json), e.g. "compiling the cpu kernel library". */
  progress?: (line: string) => void;
  warn: (message: string) => void;
}

interface TensorDesc { name: string; dtype: string; shape: number[] }

interface BuildResult {
  output: string;
  format: ArtifactFormat;
  target: string;
  bytes: number;
  sha256: string;
  cache: 'hit' | 'miss' | 'off';
  key: string;
  buildMs: number;
  inputs: TensorDesc[];
  outputs: TensorDesc[];
}

/** --format, else --standalone, else OUT's extension (.so/.dylib → so, .a → a). */
export function artifactFormat(format: string | undefined, out: string, standalone: boolean): ArtifactFormat {
  if (format !== undefined) {
    if (format !== 'so' && format !== 'a' && format !== 'exe') throw new HoduError('E_USAGE', `--format must be so, a or exe, got '${format}'`, { hint: 'e.g. --format so' });
    if (standalone && format !== 'exe') throw new HoduError('E_USAGE', `--standalone builds an executable, but --format is '${format}'`, { hint: 'drop one of the two flags' });
    return format;
  }
  if (standalone) return 'exe';
  const ext = extname(out).toLowerCase();
  if (ext === '.so' || ext === '.dylib') return 'so';
  if (ext === '.a') return 'a';
  throw new HoduError('E_USAGE', `cannot tell the artifact format from '${basename(out)}'`, {
    hint: 'name it .so (shared library) or .a (static archive), or add --standalone (or --format exe) for an executable',
  });
}

/** Backend name, version and build identity, read without loading it when it is the embedded cpu backend. */
async function backendIdentity(name: string): Promise<{ name: string; version: string; build?: string }> {
  const { EMBEDDED_CPU_BUILD, SHADOWABLE_BACKENDS } = await import('../embedded-plugins');
  if (name === 'cpu' && EMBEDDED_CPU_BUILD) {
    const shadowed = SHADOWABLE_BACKENDS.includes(name) && Object.values((await import('../plugins/plugins-json')).readRegistry().plugins).some((p) => p.name === name && p.type === 'backend');
    if (!shadowed) return { name, version: EMBEDDED_CPU_BUILD.version, build: EMBEDDED_CPU_BUILD.sha256 };
  }
  const plugin = await (await import('../backends/registry')).loadBackend(name);
  return { name, version: plugin.version };
}

type BuilderPlugin = { name: string; version: string; kernels?: readonly string[]; available?(): { ok: boolean; reason?: string }; build?(r: BuildRequest): Promise<BuildRecipe> };

async function loadBuilder(name: string): Promise<BuilderPlugin & { kernels: readonly string[]; build(r: BuildRequest): Promise<BuildRecipe> }> {
  const plugin = (await (await import('../backends/registry')).loadBackend(name)) as BuilderPlugin;
  const ready = plugin.available?.() ?? { ok: true };
  if (!ready.ok) throw new HoduError('E_PLUGIN_LOAD', `backend '${name}' is unavailable: ${ready.reason ?? 'unknown reason'}`, { hint: 'check it with `hodu doctor`' });
  if (!plugin.build || !plugin.kernels) {
    throw new HoduError('E_USAGE', `backend '${name}' cannot build models ahead of time (it has no builder)`, { hint: 'use --backend cpu' });
  }
  return plugin as BuilderPlugin & { kernels: readonly string[]; build(r: BuildRequest): Promise<BuildRecipe> };
}

/** The artifact file name inside a cache entry. */
const artifactName = (format: ArtifactFormat) => (format === 'so' ? 'model.so' : format === 'a' ? 'model.a' : 'model');

/** What buildModel settles before the cache lookup, for produce(). */
interface BuildContext { format: ArtifactFormat; target: BuildTarget; toolchain: Toolchain; modelSha256: string; log: string; cache: CacheSettings }

/** Plans, generates, compiles and links into `staging`; returns the files written there. */
async function produce(f: BuildFlags, ctx: BuildContext, staging: string): Promise<string[]> {
  const { toolchain } = ctx;
  const plugin = await loadBuilder(f.backend);
  const plan = await staticPlan({ path: f.model, optLevel: f.optLevel, shapes: f.shapes, backend: plugin.name, kernels: plugin.kernels });
  const dir = mkdtempSync(join(tmpdir(), 'hodu-build-'));
  const unregister = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const info: ApiInfo = {
      hoduVersion: versionInfo().version, modelSha256: ctx.modelSha256, modelName: basename(f.model).replace(/\.[^.]+$/, ''),
      backend: plugin.name, backendVersion: plugin.version, target: ctx.target.triple, optLevel: f.optLevel, threads: f.threads,
    };
    writeFileSync(join(dir, 'manifest.bin'), plan.encoded);
    writeFileSync(join(dir, 'hodu_model.h'), modelHeader(plan.manifest, info));
    writeFileSync(join(dir, 'hodu_model.c'), modelSource(plan.manifest, plan.encoded, info));
    writeFileSync(join(dir, 'blob.S'), blobAssembly());
    const recipe = await plugin.build({ manifest: plan.encoded, threads: f.threads, target: ctx.target.triple, outDir: dir });
    const lib = await kernelLibrary({
      backend: plugin, recipe, target: ctx.target, toolchain, cache: ctx.cache, log: ctx.log, warn: f.warn,
      onCompile: (n) => f.progress?.(`compiling the ${plugin.name} kernel library for ${ctx.target.triple} (${n} files; once per version and compiler)`),
    });
    f.progress?.(`compiling and linking the model (${ctx.format})`);
    const extra = ctx.format === 'exe' ? await standaloneSources(dir) : [];
    await linkArtifact({
      format: ctx.format, toolchain, dir, sources: [join(dir, 'hodu_model.c'), ...recipe.generated, ...extra],
      includeDirs: recipe.library.includeDirs, cflags: recipe.library.cflags, ldflags: recipe.ldflags, library: lib.archive,
      out: join(staging, artifactName(ctx.format)), log: ctx.log, darwin: ctx.target.triple.includes('darwin'),
    });
    const io = (ids: number[]) => ids.map((id) => ({ name: plan.manifest.tensors[id]!.name, dtype: plan.manifest.tensors[id]!.dtype, shape: plan.manifest.tensors[id]!.dims }));
    writeFileSync(join(staging, 'info.json'), JSON.stringify({ inputs: io(plan.manifest.inputs), outputs: io(plan.manifest.outputs) }));
    return [artifactName(ctx.format), 'info.json'];
  } finally {
    unregister();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The standalone executable's C sources (src/build/c/standalone/), written into the build folder. */
async function standaloneSources(dir: string): Promise<string[]> {
  const { standaloneSources: files, standaloneCFiles } = await import('./standalone-sources');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return standaloneCFiles.map((name) => join(dir, name));
}

/** The compile cache settings (config.toml read once per build), off with --no-cache. */
function settingsFor(f: Pick<BuildFlags, 'noCache'>): CacheSettings {
  const s = cacheSettings();
  return f.noCache ? { ...s, enabled: false } : s;
}

/** Copies the artifact to `out` through a temporary file beside it and a rename. */
function placeArtifact(from: string, out: string, format: ArtifactFormat): void {
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.${Date.now()}.tmp`);
  try {
    copyFileSync(from, tmp);
    chmodSync(tmp, format === 'a' ? 0o644 : 0o755);
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw ioError(e, out, 'write');
  }
}

/** The compile cache key of a build and what it was made from (`hodu build --dry-run` looks the same key up). */
export async function buildCacheKey(f: Omit<BuildFlags, 'progress' | 'warn'>): Promise<{ key: string; format: ArtifactFormat; target: BuildTarget; toolchain: Toolchain; model: { sha256: string; external: Record<string, string> }; settings: CacheSettings }> {
  const format = artifactFormat(f.format, f.out, f.standalone);
  const target = parseTarget(f.target);
  const toolchain = toolchainFor(target);
  const model = modelContentHash(f.model);
  const backend = await backendIdentity(f.backend);
  const { version, commit } = versionInfo();
  const key = modelKey({
    model, backend, device: 'cpu', optLevel: f.optLevel, target: target.triple, shapes: shapeKey(f.shapes), threads: f.threads, format,
    compiler: compilerIdentity(toolchain.cc), hodu: { version, commit },
  });
  return { key, format, target, toolchain, model, settings: settingsFor(f) };
}

export async function buildModel(f: BuildFlags): Promise<BuildResult> {
  const started = performance.now();
  const { key, format, target, toolchain, model, settings } = await buildCacheKey(f);
  const log = buildLogPath();
  const ctx: BuildContext = { format, target, modelSha256: model.sha256, log, toolchain, cache: settings };
  const { entry, hit } = await cachedBuild(settings, key, { kind: 'model', label: `${basename(f.model)} → ${format} for ${target.triple}`, modelSha256: model.sha256, model: resolve(f.model) },
    (staging) => produce(f, ctx, staging), f.warn);
  const artifact = join(entry.dir, artifactName(format));
  placeArtifact(artifact, f.out, format);
  const info = JSON.parse(readFileSync(join(entry.dir, 'info.json'), 'utf8')) as { inputs: TensorDesc[]; outputs: TensorDesc[] };
  if (!settings.enabled) rmSync(entry.dir, { recursive: true, force: true });
  return {
    output: resolve(f.out), format, target: target.triple, bytes: statSync(f.out).size, sha256: entry.sha256[artifactName(format)]!,
    cache: settings.enabled ? (hit ? 'hit' : 'miss') : 'off', key, buildMs: Math.round(performance.now() - started), inputs: info.inputs, outputs: info.outputs,
  };
}
