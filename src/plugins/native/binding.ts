/**
 * The calls into a native backend (HoduBackendApi in ffi/hodu_plugin.h) through bun:ffi: create, run,
 * destroy, supports_kernel, and build (ABI 3, build-call.ts). Buffers handed to C are 64-byte aligned (the ABI promises it) and kept alive
 * by the JS objects that own them for as long as C may read them.
 */
import { CFunction, FFIType, JSCallback, ptr, read, type Pointer } from 'bun:ffi';
import { HoduError } from '../../errors';
import { BACKEND_API, buildEntryPoint, DESCRIPTOR, DESCRIPTOR_SYMBOL, openPluginLibrary, readDescriptor, type NativePluginInfo } from './probe';
import { buildOptionsStruct, watchCFiles, type BuildOptions } from './build-call';
import { PROFILE_EXPORT, StepTimer, type StepTime } from './step-times';

const ERR_CAP = 4096;
type NativeFn = ReturnType<typeof CFunction>;
const STATUS_NAMES: Record<number, string> = { 1: 'invalid argument', 2: 'unsupported', 3: 'out of memory', 4: 'internal error', 5: 'malformed manifest' };

/**
 * A zeroed byte buffer whose first byte sits at a 64-byte aligned address. The ArrayBuffer is made first:
 * bun keeps the bytes of a small typed array made by `new Uint8Array(n)` inside the object, and the `ptr()`
 * that measures the padding moves them out of it, so the padding was computed for an address the bytes then left.
 */
export function alignedBytes(n: number): Uint8Array {
  const raw = new Uint8Array(new ArrayBuffer(n + 64));
  const pad = (64 - (ptr(raw) % 64)) % 64;
  return raw.subarray(pad, pad + n);
}

/**
 * What C is given for a zero-size tensor: `ptr()` refuses an empty view, and the ABI wants a valid aligned
 * pointer for every tensor even when nothing may be read or written through it.
 */
const EMPTY = alignedBytes(64);

/** The address of an aligned buffer, as a run's pointer tables hold it (one conversion per call, none for empty ones). */
export function address(bytes: Uint8Array): bigint {
  return BigInt(ptr(bytes.byteLength > 0 ? bytes : EMPTY));
}

/** Whether a buffer's first byte sits at a 64-byte aligned address (what the ABI asks of inputs). */
export function isAligned(bytes: Uint8Array): boolean {
  return bytes.byteLength > 0 && ptr(bytes) % 64 === 0;
}

function message(err: Uint8Array): string {
  const end = err.indexOf(0);
  return new TextDecoder().decode(err.subarray(0, end < 0 ? err.length : end)) || '(no message)';
}

interface CreateOptions {
  /** Threads the session may use, the calling one included (0 or absent: the plugin's default). */
  threads?: number;
}

/** HoduCreateOptions (ffi/hodu_plugin.h): u32 struct_size, u32 threads. */
const CREATE_OPTIONS_SIZE = 8;

function createOptions(opts: CreateOptions): Uint8Array {
  const bytes = new Uint8Array(CREATE_OPTIONS_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, CREATE_OPTIONS_SIZE, true);
  view.setUint32(4, Math.max(0, Math.floor(opts.threads ?? 0)), true);
  return bytes;
}

/** A session handle: the plugin's opaque pointer plus the manifest bytes it may point into. */
export interface NativeHandle {
  pointer: number;
  manifest: Uint8Array;
}

export class NativeBackendBinding {
  readonly info: NativePluginInfo;
  private readonly lib: ReturnType<typeof openPluginLibrary<typeof PROFILE_EXPORT>>;
  private readonly createFn: NativeFn;
  private readonly runFn: NativeFn;
  private readonly destroyFn: NativeFn;
  private readonly supportsFn: NativeFn;
  /** HoduBackendApi.build (ABI ≥ 3 and non-NULL), else undefined. */
  private readonly buildFn: NativeFn | undefined;
  private readonly err = new Uint8Array(ERR_CAP);
  private stepTarget: ((step: number) => void) | undefined;
  private stepCallback: JSCallback | undefined;
  /** The optional per-step timing export (step-times.ts); undefined when the plugin has none. */
  private readonly timer: StepTimer | undefined;

  constructor(libPath: string, name?: string) {
    // The timing export comes from the same dlopen: one load of the library per binding.
    this.lib = openPluginLibrary(libPath, name, PROFILE_EXPORT);
    try {
      const d = this.lib.symbols[DESCRIPTOR_SYMBOL]() as number | null;
      if (!d) throw new HoduError('E_PLUGIN_LOAD', `plugin '${name ?? libPath}': ${DESCRIPTOR_SYMBOL}() returned NULL`);
      this.info = readDescriptor(d, libPath, name ?? libPath);
      const api = read.ptr(d as Pointer, DESCRIPTOR.backend) as Pointer | null;
      if (this.info.type !== 'backend' || !api) throw new HoduError('E_PLUGIN_LOAD', `plugin '${this.info.name}' is not a backend plugin`);
      const fn = (offset: number, what: string) => {
        const p = read.ptr(api, offset);
        if (!p) throw new HoduError('E_PLUGIN_LOAD', `plugin '${this.info.name}': backend entry point '${what}' is NULL`);
        return p as Pointer;
      };
      // ABI 1's create takes no options (HoduBackendApiV1); the rest of the entry points are the same.
      const createArgs = this.info.abiVersion === 1 ? [FFIType.ptr, FFIType.u64, FFIType.ptr, FFIType.u64] : [FFIType.ptr, FFIType.u64, FFIType.ptr, FFIType.ptr, FFIType.u64];
      this.createFn = CFunction({ ptr: fn(BACKEND_API.create, 'create'), args: createArgs, returns: FFIType.ptr });
      this.runFn = CFunction({
        ptr: fn(BACKEND_API.run, 'run'),
        args: [FFIType.ptr, FFIType.ptr, FFIType.ptr, FFIType.ptr, FFIType.ptr, FFIType.ptr, FFIType.u64],
        returns: FFIType.i32,
      });
      this.destroyFn = CFunction({ ptr: fn(BACKEND_API.destroy, 'destroy'), args: [FFIType.ptr], returns: FFIType.void });
      this.supportsFn = CFunction({ ptr: fn(BACKEND_API.supportsKernel, 'supports_kernel'), args: [FFIType.ptr], returns: FFIType.i32 });
      const build = buildEntryPoint(api, this.info.abiVersion);
      this.buildFn = build ? CFunction({ ptr: build as Pointer, args: [FFIType.ptr, FFIType.u64, FFIType.ptr, FFIType.ptr, FFIType.u64], returns: FFIType.i32 }) : undefined;
      this.timer = this.info.abiVersion >= 2 ? StepTimer.from(this.lib.optional) : undefined;
    } catch (e) {
      this.lib.close();
      throw e;
    }
  }

  supportsKernel(kernel: string): boolean {
    return this.supportsFn(Buffer.from(`${kernel}\0`)) !== 0;
  }

  /**
   * Calls create(manifest, options). The returned handle keeps the manifest bytes alive until destroy.
   * `threads` (0: the plugin's default) reaches ABI-2 and later plugins in HoduCreateOptions; ABI-1 plugins get no options.
   */
  create(manifestBytes: Uint8Array, opts: CreateOptions = {}): NativeHandle {
    const manifest = alignedBytes(manifestBytes.byteLength);
    manifest.set(manifestBytes);
    this.err.fill(0);
    const pointer = (
      this.info.abiVersion === 1
        ? this.createFn(manifest, manifest.byteLength, this.err, ERR_CAP)
        : this.createFn(manifest, manifest.byteLength, createOptions(opts), this.err, ERR_CAP)
    ) as number | null;
    if (!pointer) {
      // Its own code, so that a partitioned session can move the refused part to the interp (src/runtime/partition/).
      throw new HoduError('E_PLUGIN_REFUSED', `plugin '${this.info.name}' could not prepare the model: ${message(this.err)}`, {
        hint: 'the plugin rejected the dispatch manifest; check that it supports every kernel (hodu plugin info NAME)',
      });
    }
    return { pointer, manifest };
  }

  /**
   * Calls run. `inputs`/`outputs` are aligned buffers in graph input/output order; `onStep` is told each
   * step index before the step runs (used by isolation to name the kernel of a crash).
   */
  run(handle: NativeHandle, inputs: Uint8Array[], outputs: Uint8Array[], onStep?: (step: number) => void): void {
    const pointers = (list: Uint8Array[]) => {
      const arr = new BigUint64Array(Math.max(1, list.length));
      list.forEach((b, i) => (arr[i] = address(b)));
      return arr;
    };
    this.runTables(handle, pointers(inputs), pointers(outputs), onStep);
  }

  /** Calls run with tables of buffer addresses made beforehand (a plan's PlanIo keeps them from run to run). */
  runTables(handle: NativeHandle, inputs: BigUint64Array, outputs: BigUint64Array, onStep?: (step: number) => void): void {
    let callback: number | null = null;
    if (onStep) {
      this.stepCallback ??= new JSCallback((_user: unknown, step: number) => this.stepTarget?.(step), { args: [FFIType.ptr, FFIType.u32], returns: FFIType.void });
      this.stepTarget = onStep;
      callback = this.stepCallback.ptr;
    }
    this.err[0] = 0; // a message is read up to its NUL: an empty one is enough, no need to clear 4 KiB every run
    const status = this.runFn(handle.pointer, inputs, outputs, callback, null, this.err, ERR_CAP) as number;
    this.stepTarget = undefined;
    if (status !== 0) {
      throw new HoduError('E_PLUGIN', `plugin '${this.info.name}' failed (status ${status}, ${STATUS_NAMES[status] ?? 'unknown'}): ${message(this.err)}`, {
        hint: `run with --backend interp to compare, or report it to the plugin's author`,
      });
    }
  }

  /** Whether the plugin has a build entry point (ABI ≥ 3, non-NULL). */
  get canBuild(): boolean {
    return this.buildFn !== undefined;
  }

  /**
   * Calls build(manifest, options): the plugin checks every step binds and writes its generated C into `outDir`
   * (an existing folder). Returns the absolute paths of the *.c files it wrote there. A refusal throws
   * E_BUILD_BACKEND with the plugin's message (which names the node); no build entry throws E_BUILD_BACKEND too.
   */
  build(manifestBytes: Uint8Array, options: BuildOptions, outDir: string): string[] {
    if (!this.buildFn) {
      throw new HoduError('E_BUILD_BACKEND', `plugin '${this.info.name}' has no build entry point (plugin ABI ${this.info.abiVersion}${this.info.abiVersion >= 3 ? ', build is NULL' : ': build needs ABI 3'})`, {
        hint: 'build with a backend that declares the builder capability (hodu plugin info NAME)',
      });
    }
    const written = watchCFiles(outDir, this.info.name);
    const manifest = alignedBytes(manifestBytes.byteLength);
    manifest.set(manifestBytes);
    const opts = buildOptionsStruct(options, written.dir);
    this.err.fill(0);
    const status = this.buildFn(manifest, manifest.byteLength, opts.bytes, this.err, ERR_CAP) as number;
    opts.keep.length = 0; // the strings the struct points to were alive until here
    if (status !== 0) {
      throw new HoduError('E_BUILD_BACKEND', `plugin '${this.info.name}' cannot build this model (status ${status}, ${STATUS_NAMES[status] ?? 'unknown'}): ${message(this.err)}`, {
        hint: "run the model with --backend interp to compare, or report the node to the plugin's author",
      });
    }
    return written.changed();
  }

  /** Turns per-step timing on for a handle's runs; false when the plugin has no timing export (or it failed). */
  enableStepTimes(handle: NativeHandle): boolean {
    return this.timer !== undefined && handle.pointer !== 0 && this.timer.enable(handle.pointer);
  }

  /** Step times of a handle's last run made with timing on (enableStepTimes), or undefined. */
  stepTimes(handle: NativeHandle, steps: number): StepTime[] | undefined {
    return this.timer && handle.pointer ? this.timer.read(handle.pointer, steps) : undefined;
  }

  destroy(handle: NativeHandle): void {
    if (handle.pointer) this.destroyFn(handle.pointer);
    handle.pointer = 0;
  }

  close(): void {
    this.stepCallback?.close();
    this.stepCallback = undefined;
    this.lib.close();
  }
}
