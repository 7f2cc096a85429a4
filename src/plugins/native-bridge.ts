import type { BackendPlugin } from '../sdk/backend';

/** What the native loader reports about a library before anything else is called. */
export interface NativeLibraryInfo {
  abi: number;
  sdk: string;
  name: string;
  capabilities: unknown;
}

interface NativeLoader {
  probeNativeLibrary(libPath: string): NativeLibraryInfo | Promise<NativeLibraryInfo>;
  loadNativeBackend(libPath: string, info: NativeLibraryInfo): BackendPlugin | Promise<BackendPlugin>;
}

// The one place the plugin host reaches into the native half (src/plugins/native/).
// TEMPORARY: computed specifiers until that folder lands, so the bundler does not fail on a missing file.
const NATIVE_INDEX = ['.', 'native', 'index'].join('/');
const NATIVE_FILES = ['.', 'native', 'embedded-files'].join('/');

export async function nativeLoader(): Promise<NativeLoader> {
  return (await import(NATIVE_INDEX)) as NativeLoader;
}

export async function nativeEmbeddedFiles(): Promise<{ ffiHeaders: Record<string, string>; templateBackendC: Record<string, string> }> {
  return await import(NATIVE_FILES);
}
