/**
 * The cache key of a built model, computed before the model is parsed (a cache hit must not pay for loading
 * and planning it): the model file's bytes and the external data files it names, the backend and its
 * version, device, -O, target, the --shape values, threads, format, compiler identity and hodu's version.
 */
import { dirname, resolve } from 'node:path';
import { readBytes } from '../formats/registry';
import { parseShapeOverride } from '../runtime/shape-spec';
import { cacheKey, fileSha256 } from '../cache';
import type { CompilerIdentity } from './compiler';

const LOCATION = new TextEncoder().encode('location');

function indexOf(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = bytes.indexOf(needle[0]!, from); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(needle[0]!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Paths of ONNX external data files: the value of each `location` entry (StringStringEntryProto: key field 1
 * = "location", then field 2 = the path), found by scanning the bytes rather than decoding the model.
 */
export function externalDataFiles(bytes: Uint8Array): string[] {
  const found = new Set<string>();
  for (let at = indexOf(bytes, LOCATION, 0); at >= 0; at = indexOf(bytes, LOCATION, at + 1)) {
    let p = at + LOCATION.length;
    if (bytes[p] !== 0x12) continue;
    let len = 0;
    let shift = 0;
    for (p++; p < bytes.length && shift < 35; shift += 7) {
      const b = bytes[p++]!;
      len |= (b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    if (len > 0 && len < 4096 && p + len <= bytes.length) found.add(new TextDecoder().decode(bytes.subarray(p, p + len)));
  }
  return [...found].sort();
}

/** sha256 of the model file, and of each external data file it names, streamed (missing ones count as absent). */
export function modelContentHash(path: string): { sha256: string; external: Record<string, string> } {
  // readBytes: regular files only (a FIFO would hang), E_NOT_FOUND as `hodu run` says it.
  const bytes = readBytes(path);
  const sha256 = new Bun.CryptoHasher('sha256').update(bytes).digest('hex');
  const external: Record<string, string> = {};
  for (const rel of externalDataFiles(bytes)) {
    try {
      external[rel] = fileSha256(resolve(dirname(path), rel));
    } catch {
      external[rel] = 'missing';
    }
  }
  return { sha256, external };
}

/** --shape values as the key sees them: NAME → dims, the last of a name winning, sorted by name. */
export function shapeKey(specs: readonly string[]): Record<string, number[]> {
  const m = new Map<string, number[]>();
  for (const s of specs) {
    const { name, dims } = parseShapeOverride(s);
    m.set(name, dims);
  }
  return Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));
}

interface ModelKeyParts {
  model: { sha256: string; external: Record<string, string> };
  backend: { name: string; version: string; build?: string };
  device: string;
  optLevel: number;
  target: string;
  shapes: Record<string, number[]>;
  threads: number;
  format: string;
  compiler: CompilerIdentity;
  hodu: { version: string; commit: string };
}

export function modelKey(parts: ModelKeyParts): string {
  return cacheKey({ kind: 'model', ...parts });
}
