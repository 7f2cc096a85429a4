/** The ONNX format plugin: `.onnx` models (load and save) and single-TensorProto `.pb` tensor files. */
import { HoduError } from '../../errors';
import type { Tensor } from '../../ir/tensor';
import { defineFormatPlugin, type TensorMap } from '../../sdk/format';
import { decodeModel, decodeNamedTensorProto } from './decode';
import { encodeModel, encodeTensorProto } from './encode';


export default defineFormatPlugin({
  name: 'onnx',
  version: '0.1.0',
  capabilities: {
    loadModel: true,
    saveModel: true,
    loadTensors: true,
    saveTensors: true,
    extensions: ['.onnx', '.pb'],
  },
  loadModel: (bytes, opts) => decodeModel(bytes, opts),
  saveModel: (model) => encodeModel(model),
  loadTensors(bytes, opts): TensorMap {
    const { name, tensor } = decodeNamedTensorProto(bytes, opts);
    return new Map<string, Tensor>([[name || 'tensor', tensor]]);
  },
  saveTensors(tensors, opts) {
    // A .pb file holds exactly one TensorProto.
    const [first] = tensors;
    if (!first || tensors.size !== 1) {
      throw new HoduError('E_TENSOR_COUNT', `${opts?.path ?? 'a .pb tensor file'}: a .pb file holds exactly one tensor, got ${tensors.size}`, {
        hint: 'save several tensors as .npz or .safetensors instead',
      });
    }
    return encodeTensorProto(first[1], first[0]);
  },
});
