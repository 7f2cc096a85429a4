import pkg from '../package.json' with { type: 'json' };
import { EMBEDDED_CPU_BUILD } from './embedded-plugins';

// Replaced at build time by build.ts (`--define`); absent when running from source.
declare const HODU_BUILD_COMMIT: string | undefined;
declare const HODU_BUILD_DATE: string | undefined;
declare const HODU_BUILD_VERSION: string | undefined;
declare const HODU_RELEASE_DATE: string | undefined;

/** The release build stamps its version (`build.ts --release --version V`); otherwise package.json's. */
export const VERSION: string = typeof HODU_BUILD_VERSION === 'string' && HODU_BUILD_VERSION ? HODU_BUILD_VERSION : pkg.version;
const COMMIT: string = typeof HODU_BUILD_COMMIT === 'string' ? HODU_BUILD_COMMIT : 'dev';
const BUILD_DATE: string = typeof HODU_BUILD_DATE === 'string' ? HODU_BUILD_DATE : '';
/**
 * When this release was made: the exact `date` of its signed manifest (build.ts --release stamps both from one
 * value). Empty in dev builds. Self-update refuses manifests dated before it (no going back in time).
 */
export const RELEASE_DATE: string = typeof HODU_RELEASE_DATE === 'string' ? HODU_RELEASE_DATE : '';
/** Semver of the plugin SDK (src/sdk). Plugins declare the range they need. */
export const SDK_VERSION = '0.1.1';
/** Version of the native plugin ABI (ffi/hodu_plugin.h). 2: create() takes HoduCreateOptions (threads); 3: HoduBackendApi.build (ahead-of-time builds). */
export const ABI_VERSION = 3;
/** The oldest native plugin ABI still loaded (HODU_ABI_VERSION_MIN): ABI 1 plugins are created without options, ABI 1 and 2 have no build entry. */
export const ABI_VERSION_MIN = 1;
/** Version of the built-model C API (src/build/c/hodu_model.h's HODU_MODEL_API_VERSION, a test checks): what `hodu build` writes as the info JSON's `api`, and the only one `hodu run model.so` reads. */
export const BUILT_MODEL_API_VERSION = 1;
/** Version of the DispatchManifest byte layout. */
export const MANIFEST_VERSION = 1;

interface VersionInfo {
  version: string;
  commit: string;
  buildDate: string;
  bun: string;
  platform: string;
  arch: string;
  sdk: string;
  abi: number;
  manifest: number;
  /** Backends built into this binary: interp always, cpu (plugins/backend-cpu) when this build embeds its library. */
  backends: { name: string; version: string; sha256?: string; arch?: string }[];
}

export function versionInfo(): VersionInfo {
  return {
    version: VERSION,
    commit: COMMIT,
    buildDate: BUILD_DATE,
    bun: Bun.version,
    platform: process.platform,
    arch: process.arch,
    sdk: SDK_VERSION,
    abi: ABI_VERSION,
    manifest: MANIFEST_VERSION,
    backends: [
      { name: 'interp', version: VERSION },
      ...(EMBEDDED_CPU_BUILD ? [{ name: 'cpu', version: EMBEDDED_CPU_BUILD.version, sha256: EMBEDDED_CPU_BUILD.sha256, arch: EMBEDDED_CPU_BUILD.arch }] : []),
    ],
  };
}
