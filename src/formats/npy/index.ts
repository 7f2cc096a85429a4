import { HoduError } from '../../errors';
import { defineFormatPlugin, type TensorMap } from '../../sdk/format';
import { hasNpyMagic, NPY_MAGIC, readNpy } from './read-npy';
import { writeNpy } from './write-npy';

/** The tensor name of a single .npy: its file name without directory and extension, else 'array'. */
export function npyTensorName(path: string | undefined): string {
  if (!path) return 'array';
  const base = path.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.npy$/i, '');
  return stem.length > 0 ? stem : 'array';
}

export default defineFormatPlugin({
  name: 'npy',
  version: '1.0.0',
  capabilities: { loadModel: false, saveModel: false, loadTensors: true, saveTensors: true, extensions: ['.npy'], magic: [NPY_MAGIC] },
  sniff: hasNpyMagic,
  loadTensors(bytes, opts) {
    const where = opts?.path ?? 'npy';
    const map: TensorMap = new Map();
    map.set(npyTensorName(opts?.path), readNpy(bytes, where));
    return map;
  },
  saveTensors(tensors, opts) {
    const where = opts?.path ?? 'npy';
    if (tensors.size !== 1) {
      throw new HoduError('E_NPY', `${where}: a .npy file holds exactly one array, got ${tensors.size}`, {
        hint: 'save several tensors as .npz (or .safetensors)',
      });
    }
    return writeNpy([...tensors.values()][0]!, where);
  },
});

