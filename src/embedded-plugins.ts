/**
 * Names of the plugins built into hodu, as data. The registries key their lazy loaders by these (the types
 * make them agree), and install/remove/new/completions read the names here without importing a registry
 * (and through it the backends or formats) just to learn which names are taken.
 */
export const EMBEDDED_BACKENDS = ['interp'] as const;
export const EMBEDDED_FORMATS = ['onnx', 'npy', 'npz', 'safetensors'] as const;

export type EmbeddedBackendName = (typeof EMBEDDED_BACKENDS)[number];
export type EmbeddedFormatName = (typeof EMBEDDED_FORMATS)[number];

/** Every embedded plugin name; a package cannot take one over. */
export const EMBEDDED_PLUGIN_NAMES: readonly string[] = [...EMBEDDED_BACKENDS, ...EMBEDDED_FORMATS];
