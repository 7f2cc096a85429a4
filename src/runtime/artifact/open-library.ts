/**
 * Opening a built model's shared library with bun:ffi, with an error that says what is wrong for every
 * way it can fail, checked in the order a user can act on: not a file, not a shared library, built for
 * another CPU (read from the header: dlopen's own "wrong ELF class" says nothing useful), damaged, a hodu
 * plugin rather than a model, or a library that is no hodu model at all.
 */
import { dlopen, FFIType, type Library } from 'bun:ffi';
import { statSync } from 'node:fs';
import { HoduError } from '../../errors';
import { hostArch, libraryArch } from '../../plugins/native/arch';
import { hasExecutableMagic, readHead } from './detect';
import { truncation } from './file-extent';

/** The C API of src/build/c/hodu_model.h, as bun:ffi declares it. */
const MODEL_SYMBOLS = {
  hodu_model_input_count: { args: [], returns: FFIType.i32 },
  hodu_model_input: { args: [FFIType.i32], returns: FFIType.ptr },
  hodu_model_output_count: { args: [], returns: FFIType.i32 },
  hodu_model_output: { args: [FFIType.i32], returns: FFIType.ptr },
  hodu_model_info_json: { args: [], returns: FFIType.ptr },
  hodu_model_create: { args: [FFIType.i32], returns: FFIType.ptr },
  hodu_model_run: { args: [FFIType.ptr, FFIType.ptr, FFIType.ptr], returns: FFIType.i32 },
  hodu_model_error: { args: [FFIType.ptr], returns: FFIType.ptr },
  hodu_model_destroy: { args: [FFIType.ptr], returns: FFIType.void },
} as const;

export type ModelLibrary = Library<typeof MODEL_SYMBOLS>;

const REBUILD = 'rebuild it with `hodu build MODEL -o FILE.so`';
const symbolMissing = (text: string) => /symbol/i.test(text) && /not found/i.test(text);

/** ELF e_type (little- or big-endian), undefined for Mach-O. */
function elfType(head: Uint8Array): number | undefined {
  if (head[0] !== 0x7f || head[1] !== 0x45) return undefined;
  return new DataView(head.buffer, head.byteOffset, head.byteLength).getUint16(16, head[5] === 1);
}

/** Everything that can be said from the file and its header, before dlopen runs any of its code. */
function checkFile(path: string): void {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new HoduError('E_NOT_FOUND', `${path}: is a directory, expected a built model (.so)`);
    if (!st.isFile()) throw new HoduError('E_NOT_A_FILE', `${path}: is not a regular file`);
    size = st.size;
  } catch (e) {
    if (e instanceof HoduError) throw e;
    throw new HoduError('E_NOT_FOUND', `${path}: no such file`);
  }
  const head = readHead(path, 64);
  if (!hasExecutableMagic(head)) {
    throw new HoduError('E_ARTIFACT', `${path}: is not a shared library (no ELF or Mach-O header), so not a model built by \`hodu build\``, {
      hint: 'hodu runs .onnx models and the .so files `hodu build` writes; `hodu inspect FILE` tells which a file is',
    });
  }
  // Before the architecture: a cut-off header would name a wrong one. After it: dlopen would map a cut-off copy
  // past its end, and the first touch of such a page is a SIGBUS (file-extent.ts).
  const cut = size < 64 ? `the file has ${size} bytes, less than a header` : undefined;
  const arch = cut ? undefined : libraryArch(path);
  if (arch && arch !== hostArch()) {
    throw new HoduError('E_ARTIFACT_ARCH', `${path}: built for ${arch}, this is ${hostArch()}`, {
      hint: `run it where the CPU is ${arch} (or under qemu-${arch} with that system's libraries), or build it for this machine: hodu build MODEL (without --target)`,
    });
  }
  const missing = cut ?? truncation(path);
  if (missing) {
    throw new HoduError('E_ARTIFACT', `${path}: is truncated or damaged (${missing})`, { hint: `copy it again, or ${REBUILD}` });
  }
  if (elfType(head) === 2) {
    throw new HoduError('E_ARTIFACT', `${path}: is an executable, not a shared library`, {
      hint: 'a `hodu build --standalone` executable runs by itself: ./FILE --help; `hodu run` takes the .so of `hodu build -o FILE.so`',
    });
  }
}

/** dlopen with one symbol: whether the library exports it (other load failures are thrown). */
function exports(path: string, symbol: string): boolean {
  try {
    dlopen(path, { [symbol]: { args: [], returns: FFIType.ptr } }).close();
    return true;
  } catch (e) {
    if (symbolMissing(e instanceof Error ? e.message : String(e))) return false;
    throw e;
  }
}

function loadFailure(path: string, e: unknown): HoduError {
  const text = e instanceof Error ? e.message : String(e);
  const executable = /executable/i.test(text);
  return new HoduError('E_ARTIFACT', `${path}: cannot load: ${text.replace(/^Failed to open library "[^"]*": /, '')}`, {
    hint: executable
      ? 'a `hodu build --standalone` executable runs by itself (./FILE --help); `hodu run` takes the .so of `hodu build -o FILE.so`'
      : `the file may be damaged: ${REBUILD}; a missing dependency shows in \`ldd ${path}\``,
    cause: e,
  });
}

/** Opens a built model's library (the caller closes it), or throws a HoduError naming the path and what to do. */
export function openModelLibrary(path: string): ModelLibrary {
  checkFile(path);
  let isModel: boolean;
  try {
    isModel = exports(path, 'hodu_model_info_json');
  } catch (e) {
    throw loadFailure(path, e);
  }
  if (!isModel) {
    if (exports(path, 'hodu_plugin_descriptor')) {
      throw new HoduError('E_ARTIFACT', `${path}: is a hodu plugin, not a built model`, {
        hint: 'install a plugin from its package folder (`hodu plugin install --path DIR`), then run models on it with --backend NAME',
      });
    }
    throw new HoduError('E_ARTIFACT', `${path}: is a shared library but not a model built by \`hodu build\` (it does not export hodu_model_info_json)`, {
      hint: `${REBUILD}; \`hodu run\` takes the models hodu builds and .onnx files`,
    });
  }
  try {
    return dlopen(path, MODEL_SYMBOLS);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    if (!symbolMissing(text)) throw loadFailure(path, e);
    const missing = Object.keys(MODEL_SYMBOLS).filter((s) => !exports(path, s));
    throw new HoduError('E_ARTIFACT', `${path}: exports hodu_model_info_json but not ${missing.join(', ') || 'every function of the built-model API'}`, {
      hint: `the library implements only part of src/build/c/hodu_model.h; ${REBUILD}`,
    });
  }
}
