/**
 * The one place the plugin host reaches into the native half (src/plugins/native/), loaded lazily so that
 * commands which never touch a native plugin do not pay for bun:ffi.
 */
export type { NativePluginInfo } from './native/index';

export async function nativeLoader() {
  return import('./native/index');
}

export async function nativeEmbeddedFiles() {
  return import('./native/embedded-files');
}
