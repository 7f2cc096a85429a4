import { HoduError } from '../errors';
import { MAX_FILE_BYTES, readRegularFile } from './safe-open';

/**
 * Reads a model or tensor file. Only regular files up to MAX_FILE_BYTES: a FIFO, /dev/zero or a socket named on
 * the command line would otherwise hang hodu or fill its memory (see safe-open.ts).
 */
export function readBytes(path: string): Uint8Array {
  const r = readRegularFile(path);
  if (r.ok) return r.bytes;
  switch (r.why) {
    case 'missing':
      throw new HoduError('E_NOT_FOUND', `${path}: no such file`);
    case 'directory':
      throw new HoduError('E_NOT_FOUND', `${path}: is a directory, expected a file`, { hint: 'pass the model or tensor file inside it' });
    case 'not-regular':
    case 'symlink':
      throw new HoduError('E_NOT_A_FILE', `${path}: is ${r.detail}, not a regular file`);
    case 'too-large':
      throw new HoduError('E_TOO_LARGE', `${path}: is ${r.size} bytes; hodu reads model and tensor files of at most ${MAX_FILE_BYTES} bytes (4 GiB)`, {
        hint: 'split the tensors into several files, or store large ONNX weights as external data',
      });
    case 'io':
      throw new HoduError('E_IO', `${path}: cannot read (${r.detail})`);
  }
}
