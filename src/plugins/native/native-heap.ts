/**
 * Copies of large run outputs in memory from the C heap, freed by the garbage collector.
 *
 * A run that is not borrowed hands the caller a copy of each output (the plan's buffers are overwritten by the
 * next run). Copied into a new ArrayBuffer, a large output lands on pages the kernel has just handed out: bun
 * returns a freed large ArrayBuffer's pages to the system between runs, so each copy faulted in (and zeroed)
 * every page again. On the 3×3 conv 64ch@56² bench model (an 800 KB output) that was 0.23–0.26 ms of system
 * time per 2.3 ms run (perf: exc_page_fault and clear_page under the copy's memmove, 11 % of the samples);
 * onnxruntime-node's runs spent 0.09–0.14. Memory from malloc comes back to the C heap when the ArrayBuffer is
 * collected (toArrayBuffer's deallocator is libc's free) and the next copy reuses it, pages already mapped:
 * 0.00–0.05 ms of system time per run. The collector counts these buffers like its own (RSS stayed flat
 * over 1500 runs). Where there is no glibc (musl, other systems) copies stay ordinary ArrayBuffers.
 */
import { dlopen, FFIType, toArrayBuffer, type Pointer } from 'bun:ffi';

/** Smaller outputs are copied with slice(): bun keeps them in its own heap, without page faults. */
export const HEAP_COPY_MIN_BYTES = 128 * 1024;

interface CHeap {
  malloc(n: number): Pointer | null;
  /** libc's free, called by the collector as free(bytes, context): the second argument is ignored. */
  free: number;
}

let heap: CHeap | null | undefined;

function cHeap(): CHeap | null {
  if (heap === undefined) heap = openCHeap();
  return heap;
}

function openCHeap(): CHeap | null {
  if (process.platform !== 'linux') return null;
  try {
    const libc = dlopen('libc.so.6', {
      malloc: { args: [FFIType.u64], returns: FFIType.ptr },
      free: { args: [FFIType.ptr], returns: FFIType.void },
    });
    const free = (libc.symbols.free as unknown as { ptr?: number }).ptr;
    if (typeof free === 'number' && free !== 0) return { malloc: (n) => libc.symbols.malloc(n) as Pointer | null, free };
  } catch {
    // no glibc (musl): ordinary copies
  }
  return null;
}

/** toArrayBuffer with a deallocator (bun accepts it; its type declarations list only the first three arguments). */
const externalBuffer = toArrayBuffer as unknown as (p: Pointer, offset: number, length: number, context: Pointer, deallocator: number) => ArrayBuffer;

/** A copy of `bytes` the caller owns: in C-heap memory when it is large and glibc is there, else an ordinary copy. */
export function ownedCopy(bytes: Uint8Array): ArrayBuffer {
  const h = bytes.byteLength >= HEAP_COPY_MIN_BYTES ? cHeap() : null;
  const p = h?.malloc(bytes.byteLength);
  if (!h || !p) return bytes.slice().buffer as ArrayBuffer;
  const copy = externalBuffer(p, 0, bytes.byteLength, p, h.free);
  new Uint8Array(copy).set(bytes);
  return copy;
}
