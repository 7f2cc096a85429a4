/**
 * Reads the payload of a TensorProto stored outside the model (`data_location = EXTERNAL`).
 * The keys are `location` (relative to the model file's directory), `offset` and `length` in bytes.
 */
import { closeSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { HoduError } from '../../errors';
import { openRegularFile, readExactly } from '../safe-open';
import type { DecodeContext } from './context';

interface ExternalRef {
  location: string;
  offset: number;
  length?: number;
}

/** Parses the key/value list of `external_data`; `where` names the tensor for messages. */
export function parseExternalRef(entries: { key?: string | null; value?: string | null }[], where: string): ExternalRef {
  const kv = new Map(entries.map((e) => [e.key ?? '', e.value ?? '']));
  const location = kv.get('location');
  if (!location) {
    throw new HoduError('E_ONNX_EXTERNAL_DATA', `${where}: external data has no 'location' key`, {
      hint: 'the model is malformed; re-export it with onnx.save_model(..., save_as_external_data=True)',
    });
  }
  const num = (key: string): number | undefined => {
    const s = kv.get(key);
    if (s === undefined || s === '') return undefined;
    const n = Number(s);
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new HoduError('E_ONNX_EXTERNAL_DATA', `${where}: external data '${key}' is not a byte count: '${s}'`);
    }
    return n;
  };
  return { location, offset: num('offset') ?? 0, length: num('length') };
}

/**
 * Resolves `location` inside the model's directory. Absolute paths, paths that climb out of the directory and NUL
 * bytes are refused: a downloaded model must not be able to read arbitrary files on this machine. Symlinks are
 * checked by readExternalData, on the real path.
 */
function resolveExternalPath(ctx: DecodeContext, location: string, where: string): string {
  if (!ctx.modelPath) {
    throw new HoduError('E_ONNX_EXTERNAL_DATA', `${where}: tensor data is stored in external file '${location}' but the model was not loaded from a path`, {
      hint: 'load the model from its file so that external data can be found next to it',
    });
  }
  if (location.includes('\0')) {
    throw new HoduError('E_ONNX_EXTERNAL_DATA', `${ctx.label}: ${where}: external data location '${location.replaceAll('\0', '\\0')}' contains a NUL byte`, {
      hint: 'the model is malformed or was crafted to read other files; re-export it',
    });
  }
  const dir = dirname(resolve(ctx.modelPath));
  const normalized = location.replaceAll('\\', '/');
  const full = resolve(dir, normalized);
  if (isAbsolute(normalized) || /^[a-zA-Z]:/.test(normalized) || !isInside(dir, full)) {
    throw new HoduError('E_ONNX_EXTERNAL_DATA', `${ctx.label}: ${where}: external data location '${location}' is outside the model's directory`, {
      hint: 'external data files must sit in the model directory (or below it) and be named by a relative path',
    });
  }
  return full;
}

/** Whether `path` lies strictly below `dir` (both absolute). */
function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return !(rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/**
 * The real path of an external data file, if it lies inside the model's real directory. A symlink (`w.bin -> ~/.ssh/id_rsa`,
 * or a directory `sub -> /`) would otherwise let a downloaded model read, and `convert` copy, any file. Two roots
 * count as the model's directory: the one it was named in, and the one the model file really lives in (a
 * Hugging Face cache links `snapshots/<rev>/model.onnx` and its data to files side by side in `blobs/`).
 */
function realContainedPath(ctx: DecodeContext, file: string, location: string, where: string): string {
  const fail = (detail: string, hint: string) => new HoduError('E_ONNX_EXTERNAL_DATA', `${ctx.label}: ${where}: external data file '${location}' ${detail}`, { hint });
  let real: string;
  try {
    real = realpathSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw fail('does not exist', `copy '${location}' next to the model file`);
    throw fail(`cannot be opened (${code ?? String(e)})`, 'check its permissions');
  }
  const model = resolve(ctx.modelPath!);
  const roots = [realOr(dirname(model), dirname(model)), dirname(realOr(model, model))];
  if (!roots.some((root) => isInside(root, real))) {
    throw fail(`resolves through a symbolic link to '${real}', outside the model's directory`, 'external data files must really be in the model directory; copy the file there instead of linking it');
  }
  return real;
}

function realOr(path: string, fallback: string): string {
  try {
    return realpathSync(path);
  } catch {
    return fallback; // the model was read from this path a moment ago; if it vanished, the lexical path still applies
  }
}

/** Reads exactly `need` bytes of external data for one tensor. */
export function readExternalData(ctx: DecodeContext, ref: ExternalRef, need: number, where: string): Uint8Array {
  const file = resolveExternalPath(ctx, ref.location, where);
  if (ref.length !== undefined && ref.length !== need) {
    throw new HoduError('E_ONNX_EXTERNAL_DATA', `${ctx.label}: ${where}: external data length is ${ref.length} bytes, the tensor needs ${need}`);
  }
  const real = realContainedPath(ctx, file, ref.location, where);
  // O_NOFOLLOW: the real path has no symlink left, so one appearing now is a swap and is refused.
  const opened = openRegularFile(real, { noFollow: true, maxBytes: Number.MAX_SAFE_INTEGER });
  if (!opened.ok) {
    const detail = opened.why === 'missing' ? 'does not exist' : opened.why === 'io' ? `cannot be read (${opened.detail})` : `is ${opened.detail}, not a regular file`;
    throw new HoduError('E_ONNX_EXTERNAL_DATA', `${ctx.label}: ${where}: external data file '${ref.location}' ${detail}`, {
      hint: opened.why === 'missing' ? `copy '${ref.location}' next to the model file` : 'external data must be a regular file in the model directory',
    });
  }
  try {
    if (ref.offset + need > opened.size) {
      throw new HoduError('E_ONNX_EXTERNAL_DATA', `${ctx.label}: ${where}: external data file '${ref.location}' has ${opened.size} bytes, need ${need} at offset ${ref.offset}`, {
        hint: 'the external data file is truncated or belongs to another model',
      });
    }
    const out = new Uint8Array(need);
    if (!readExactly(opened.fd, out, ref.offset)) throw new HoduError('E_ONNX_EXTERNAL_DATA', `${ctx.label}: ${where}: short read from '${ref.location}'`);
    return out;
  } finally {
    closeSync(opened.fd);
  }
}
