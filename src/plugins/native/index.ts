/** Native (shared library) plugins: probing, loading as a backend, isolation in a child process. */
export { probeNativeLibrary, nameFromPath, type NativePluginInfo } from './probe';
export { loadNativeBackend, nativeUnsupportedOps, type NativeBackendOptions } from './backend';
export { runIsolated, probeIsolated, childCommand, type IsolateOptions } from './isolate';
export { hostArch, libraryArch } from './arch';
