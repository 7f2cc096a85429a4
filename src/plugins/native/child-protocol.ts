/**
 * The files a parent and an isolated plugin child exchange (in a private temp dir):
 *   request.bin   written by the parent: u32 JSON length, JSON header, then the binary blobs it lists
 *   response.bin  written by the child the same way
 *   progress.bin  4 bytes the child overwrites before each phase/step (u32 LE), read after a crash
 * Files (not pipes) because the last progress record must survive the child dying mid-write, and a
 * plugin printing to stdout must not corrupt the reply.
 */
import type { StepTime } from './step-times';

export const PROGRESS_LOADING = 0xffffffff;
export const PROGRESS_CREATE = 0xfffffffe;
export const PROGRESS_DONE = 0xfffffffd;
/** A built model (`hodu run FILE.so --isolate`) has no steps to mark: its one run call. */
export const PROGRESS_RUN_BUILT = 0xfffffffc;

export interface ChildRequest {
  /** 'built': a model built by `hodu build` (libPath is its .so; the blobs are its inputs). */
  mode: 'probe' | 'run' | 'built';
  libPath: string;
  name: string;
  /** 'run': threads for create() (0 or absent: the plugin's default). */
  threads?: number;
  /** 'run': time every step (when the plugin has the timing export) and send the times back. */
  profile?: boolean;
  /** Byte lengths of the blobs after the header: [manifest, input 0, input 1, …] for 'run'. */
  blobs: number[];
}

export interface ChildResponse {
  ok: boolean;
  error?: { code: string; message: string; hint?: string };
  /** 'probe': the NativePluginInfo. */
  info?: unknown;
  /** 'run' with `profile`: the step times (absent when the plugin has no timing export). */
  stepTimes?: StepTime[];
  /** Byte lengths of the output blobs after the header ('run'). */
  blobs: number[];
}

export function packMessage(header: object, blobs: Uint8Array[]): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const total = 4 + json.length + blobs.reduce((a, b) => a + b.byteLength, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  let at = 4 + json.length;
  for (const b of blobs) {
    out.set(b, at);
    at += b.byteLength;
  }
  return out;
}

export function unpackMessage<T extends { blobs: number[] }>(bytes: Uint8Array): { header: T; blobs: Uint8Array[] } {
  const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + len))) as T;
  let at = 4 + len;
  const blobs = header.blobs.map((n) => {
    const b = bytes.subarray(at, at + n);
    at += n;
    return b;
  });
  if (at > bytes.byteLength) throw new Error(`message truncated: need ${at} bytes, have ${bytes.byteLength}`);
  return { header, blobs };
}
