import { defineFormatPlugin } from '../../sdk/format';
import { MAX_SAFETENSORS_HEADER, readSafetensors } from './read-safetensors';
import { writeSafetensors, type SafetensorsSaveOptions } from './write-safetensors';

/** safetensors has no magic: an 8-byte length that fits the file, followed by '{'. */
function sniffSafetensors(bytes: Uint8Array): boolean {
  if (bytes.length < 10) return false;
  const n = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  return n >= 2n && n <= BigInt(Math.min(bytes.length - 8, MAX_SAFETENSORS_HEADER)) && bytes[8] === 0x7b;
}

export default defineFormatPlugin({
  name: 'safetensors',
  version: '1.0.0',
  capabilities: { loadModel: false, saveModel: false, loadTensors: true, saveTensors: true, extensions: ['.safetensors'] },
  sniff: sniffSafetensors,
  loadTensors: (bytes, opts) => readSafetensors(bytes, opts?.path ?? 'safetensors'),
  saveTensors: (tensors, opts?: SafetensorsSaveOptions) => writeSafetensors(tensors, opts),
});

export { readSafetensors, readSafetensorsMetadata } from './read-safetensors';
export { writeSafetensors } from './write-safetensors';
