/**
 * Names of the plugins built into hodu, as data. The registries key their lazy loaders by these (the types
 * make them agree), and install/remove/new/completions read the names here without importing a registry
 * (and through it the backends or formats) just to learn which names are taken.
 */
export const EMBEDDED_BACKENDS = ['interp', 'cpu'] as const;
/**
 * Embedded backends an installed package of the same name may shadow: plugins/backend-cpu is the embedded cpu
 * backend's source, and installing it (`hodu plugin install --path plugins/backend-cpu`, a developer's build)
 * makes `--backend cpu` mean that installed build until it is removed; automatic selection keeps the embedded
 * one as a candidate (the installed one competes at its own priority). The other names are reserved.
 */
export const SHADOWABLE_BACKENDS: readonly string[] = ['cpu'];
export const EMBEDDED_FORMATS = ['onnx', 'npy', 'npz', 'safetensors'] as const;

export type EmbeddedBackendName = (typeof EMBEDDED_BACKENDS)[number];
export type EmbeddedFormatName = (typeof EMBEDDED_FORMATS)[number];

/** Embedded plugin names a package cannot take over (every one but SHADOWABLE_BACKENDS). */
export const EMBEDDED_PLUGIN_NAMES: readonly string[] = [...EMBEDDED_BACKENDS, ...EMBEDDED_FORMATS].filter((n) => !SHADOWABLE_BACKENDS.includes(n));

/*
 * What the build recorded about the cpu backend library embedded in this binary (scripts/embedded-cpu.ts):
 * its version, sha256, architecture and declared ops. Undefined when running from source or on a platform
 * hodu embeds no library for. Here (not in src/backends/cpu/) so `hodu version` reads it without the backends.
 */
// Replaced at build time by build.ts (`--define`, a JSON string or ''); absent when running from source.
declare const HODU_EMBEDDED_CPU: string | undefined;

export interface EmbeddedCpuBuild {
  version: string;
  /** Hex sha256 of the library as built. */
  sha256: string;
  /** The machines it runs on (`uname -m` names: x86_64, aarch64). */
  arch: string;
  /** The ops and dtypes plugins/backend-cpu/package.json declares. */
  ops: string[];
  dtypes: string[];
}

function parseEmbeddedCpuBuild(text: string | undefined): EmbeddedCpuBuild | undefined {
  if (!text) return undefined;
  const v = JSON.parse(text) as EmbeddedCpuBuild;
  return v && typeof v.sha256 === 'string' && /^[0-9a-f]{64}$/.test(v.sha256) ? v : undefined;
}

export const EMBEDDED_CPU_BUILD: EmbeddedCpuBuild | undefined = parseEmbeddedCpuBuild(typeof HODU_EMBEDDED_CPU === 'string' ? HODU_EMBEDDED_CPU : undefined);
