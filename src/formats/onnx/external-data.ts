/**
 * Reads the payload of a TensorProto stored outside the model (`data_location = EXTERNAL`).
 * The keys are `location` (relative to the model file's directory), `offset` and `length` in bytes.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { HoduError } from '../../errors';
import type { DecodeContext } from './context';

export interface ExternalRef {
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
 * Resolves `location` inside the model's directory. Absolute paths and paths that climb out of the
 * directory are refused: a downloaded model must not be able to read arbitrary files on this machine.
 */
export function resolveExternalPath(ctx: DecodeContext, location: string, where: string): string {
  if (!ctx.modelPath) {
    throw new HoduError('E_ONNX_EXTERNAL_DATA', `${where}: tensor data is stored in external file '${location}' but the model was not loaded from a path`, {
      hint: 'load the model from its file so that external data can be found next to it',
    });
  }
  const dir = dirname(resolve(ctx.modelPath));
  const normalized = location.replaceAll('\\', '/');
  const full = resolve(dir, normalized);
  const rel = relative(dir, full);
  const escapes = rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  if (isAbsolute(normalized) || /^[a-zA-Z]:/.test(normalized) || escapes) {
    throw new HoduError('E_ONNX_EXTERNAL_DATA', `${ctx.label}: ${where}: external data location '${location}' is outside the model's directory`, {
      hint: 'external data files must sit in the model directory (or below it) and be named by a relative path',
    });
  }
  return full;
}

/** Reads exactly `need` bytes of external data for one tensor. */
export function readExternalData(ctx: DecodeContext, ref: ExternalRef, need: number, where: string): Uint8Array {
  const file = resolveExternalPath(ctx, ref.location, where);
  if (ref.length !== undefined && ref.length !== need) {
    throw new HoduError('E_ONNX_EXTERNAL_DATA', `${ctx.label}: ${where}: external data length is ${ref.length} bytes, the tensor needs ${need}`);
  }
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new HoduError('E_ONNX_EXTERNAL_DATA', `${ctx.label}: ${where}: cannot open external data file '${ref.location}' (${(e as Error).message})`, {
      hint: `copy '${ref.location}' next to the model file`,
      cause: e,
    });
  }
  try {
    const size = fstatSync(fd).size;
    if (ref.offset + need > size) {
      throw new HoduError('E_ONNX_EXTERNAL_DATA', `${ctx.label}: ${where}: external data file '${ref.location}' has ${size} bytes, need ${need} at offset ${ref.offset}`, {
        hint: 'the external data file is truncated or belongs to another model',
      });
    }
    const out = new Uint8Array(need);
    let done = 0;
    while (done < need) {
      const n = readSync(fd, out, done, need - done, ref.offset + done);
      if (n <= 0) throw new HoduError('E_ONNX_EXTERNAL_DATA', `${ctx.label}: ${where}: short read from '${ref.location}'`);
      done += n;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}
