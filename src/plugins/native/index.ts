/** Native (shared library) plugins: probing, loading as a backend, isolation in a child process. */
export { probeNativeLibrary, nameFromPath, type NativePluginInfo } from './probe';
export { loadNativeBackend, type NativeBackendOptions } from './backend';
export { nativeUnsupportedOps } from './kernel-fit';
export { runIsolated, probeIsolated, childCommand, type IsolateOptions } from './isolate';
export { hostArch, libraryArch } from './arch';
export { libraryRecipe, type NativeSources } from './build-recipe';
