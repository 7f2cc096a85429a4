import { HoduError } from '../errors';
import { formatFor } from '../formats/registry';
import { checkWritableDir, checkWritableFile } from '../util/check-writable';

/**
 * `hodu run --output FILE` / `--output-dir DIR`, checked before the model is even loaded: an unknown
 * extension or an unwritable path fails in milliseconds, not after the run.
 */
export async function checkRunOutputs(output: string | undefined, outputDir: string | undefined): Promise<void> {
  if (output !== undefined) {
    const fmt = await formatFor(output);
    if (!fmt.saveTensors) throw new HoduError('E_NOT_TENSORS', `${output}: cannot write tensors as ${fmt.name}`, { hint: 'write outputs as .npz, .npy or .safetensors' });
    checkWritableFile(output);
  }
  if (outputDir !== undefined) checkWritableDir(outputDir);
}
