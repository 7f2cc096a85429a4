import { HoduError } from '../../errors';
import { defineFormatPlugin, type SaveOptions, type TensorMap } from '../../sdk/format';
import { readNpy } from '../npy/read-npy';
import { writeNpy } from '../npy/write-npy';
import { listZipEntries, readZipEntry } from '../zip/read-zip';
import { writeZip } from '../zip/write-zip';

interface NpzSaveOptions extends SaveOptions {
  /** Deflate the entries, like `np.savez_compressed` (default: stored, like `np.savez`). */
  compress?: boolean;
}

/**
 * Reads a .npz (a zip of .npy files, as written by np.savez / np.savez_compressed). Keys are the entry
 * names without `.npy`, in archive order. Archive damage is reported as E_ZIP, a bad array as E_NPY
 * naming `<file>:<entry>`, and anything else that is not an .npz as E_NPZ.
 */
export async function loadNpz(bytes: Uint8Array, where = 'npz'): Promise<TensorMap> {
  const map: TensorMap = new Map();
  for (const entry of listZipEntries(bytes, where)) {
    if (!entry.name.endsWith('.npy')) {
      throw new HoduError('E_NPZ', `${where}: entry ${JSON.stringify(entry.name)} is not a .npy array`, {
        hint: 'an .npz holds only .npy entries; was this zip made by numpy.savez?',
      });
    }
    const data = await readZipEntry(bytes, entry, where);
    map.set(entry.name.slice(0, -4), readNpy(data, `${where}:${entry.name}`));
  }
  return map;
}

/** Writes tensors as an .npz: one `<name>.npy` entry per tensor, in map order. */
export async function saveNpz(tensors: TensorMap, opts: NpzSaveOptions = {}): Promise<Uint8Array> {
  const where = opts.path ?? 'npz';
  const files = new Map<string, Uint8Array>();
  for (const [name, tensor] of tensors) files.set(`${name}.npy`, writeNpy(tensor, `${where}:${name}`));
  return writeZip(files, { compress: opts.compress, where });
}

/** A zip whose first local header names a `.npy` entry. */
function sniffNpz(bytes: Uint8Array): boolean {
  if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) return false;
  const nameLen = bytes[26]! | (bytes[27]! << 8);
  if (30 + nameLen > bytes.length) return false;
  return new TextDecoder().decode(bytes.subarray(30, 30 + nameLen)).endsWith('.npy');
}

export default defineFormatPlugin({
  name: 'npz',
  version: '1.0.0',
  capabilities: { loadModel: false, saveModel: false, loadTensors: true, saveTensors: true, extensions: ['.npz'] },
  sniff: sniffNpz,
  loadTensors: (bytes, opts) => loadNpz(bytes, opts?.path ?? 'npz'),
  saveTensors: (tensors, opts?: NpzSaveOptions) => saveNpz(tensors, opts),
});
