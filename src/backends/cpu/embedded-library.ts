/**
 * The bytes of the cpu backend library inside the binary. build.ts compiles plugins/backend-cpu to
 * dist/embedded/libhodu_cpu.so before `bun build --compile`, which embeds the file; this module is imported
 * lazily (only when the cpu backend loads) and fails to import when running from source without a build.
 */
import { readFileSync } from 'node:fs';
import libraryFile from '../../../dist/embedded/libhodu_cpu.so' with { type: 'file' };

export function embeddedLibraryBytes(): Uint8Array {
  return new Uint8Array(readFileSync(libraryFile));
}
