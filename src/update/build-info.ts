/**
 * What the release build bakes into the binary for self-update. Only build-time `--define`s (build.ts)
 * can change these; nothing here reads the environment, so a user-controlled variable can never swap the
 * key that release manifests are checked against.
 */
import { RELEASE_DATE as BUILD_RELEASE_DATE, VERSION } from '../version';

declare const HODU_UPDATE_PUBLIC_KEY: string | undefined;
declare const HODU_UPDATE_DEFAULT_URL: string | undefined;
declare const HODU_UPDATE_DEFAULT_CHANNEL: string | undefined;

/**
 * The Ed25519 public key of hodu releases (base64 of the raw 32 bytes). Empty until the project publishes
 * with a real release key: then paste its public half here (`bun build.ts --print-public-key`).
 */
const RELEASE_PUBLIC_KEY = '';

/** The key manifests must be signed with: the build's define (release builds, test builds) or the constant. */
export const UPDATE_PUBLIC_KEY: string =
  typeof HODU_UPDATE_PUBLIC_KEY === 'string' && HODU_UPDATE_PUBLIC_KEY !== '' ? HODU_UPDATE_PUBLIC_KEY : RELEASE_PUBLIC_KEY;

/** The release site given to `build.ts --release --base-url` (empty in dev builds). */
export const DEFAULT_UPDATE_URL: string = typeof HODU_UPDATE_DEFAULT_URL === 'string' ? HODU_UPDATE_DEFAULT_URL : '';

export const DEFAULT_CHANNEL: string = typeof HODU_UPDATE_DEFAULT_CHANNEL === 'string' && HODU_UPDATE_DEFAULT_CHANNEL ? HODU_UPDATE_DEFAULT_CHANNEL : 'stable';

/** The exact date of this release (src/version.ts); empty in dev builds. */
export const RELEASE_DATE: string = BUILD_RELEASE_DATE;

/** This binary's version (the release build stamps it: see src/version.ts). */
export const CURRENT_VERSION: string = VERSION;
