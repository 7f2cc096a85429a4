/** Tensors across the library boundary: onnxruntime-common's `Tensor` (or its shape) in, out as `Tensor`. */
import { Tensor as OrtTensor } from 'onnxruntime-common';
import { HoduError } from '../errors';
import { ALL_DTYPES, type DType, type TensorData } from '../ir/dtype';
import { Tensor } from '../ir/tensor';
import type { ValueInfo } from '../ir/graph';
import type { RuntimeValue } from '../sdk/backend';
import type { TensorLike, ValueMetadata } from './types';

const ACCEPTED = new Set<string>(ALL_DTYPES.filter((d) => d !== 'bfloat16'));

export function metadataOf(v: ValueInfo): ValueMetadata {
  const t = v.type;
  if (t?.kind === 'tensor' && ACCEPTED.has(t.dtype)) return { name: v.name, isTensor: true, type: t.dtype as OrtTensor.Type, shape: t.shape ?? [] };
  return { name: v.name, isTensor: false };
}

/** float16 arrives as Uint16Array bits or, where the runtime has one, a Float16Array: the same bytes. */
function storage(type: DType, data: TensorLike['data']): TensorData {
  if (type === 'float16' && !(data instanceof Uint16Array)) {
    const view = data as unknown as ArrayBufferView;
    return new Uint16Array(view.buffer, view.byteOffset, view.byteLength / 2);
  }
  return data as TensorData;
}

export function fromTensorLike(name: string, v: TensorLike | null | undefined): Tensor {
  if (!v || typeof v !== 'object' || !('type' in v) || !('dims' in v) || !('data' in v)) {
    throw new HoduError('E_INPUT', `input '${name}' must be a Tensor (onnxruntime-common) or an object with type, dims and data`, {
      hint: "e.g. new Tensor('float32', new Float32Array([1, 2]), [2])",
    });
  }
  if (!ACCEPTED.has(v.type)) {
    throw new HoduError('E_INPUT_DTYPE', `input '${name}' has type '${v.type}', which hodu does not run`, { hint: `types hodu takes: ${[...ACCEPTED].join(', ')}` });
  }
  return new Tensor(v.type as DType, v.dims, storage(v.type as DType, v.data));
}

export function toOrtTensor(name: string, v: RuntimeValue): OrtTensor {
  if (v instanceof Tensor) {
    if (v.dtype === 'bfloat16') throw new HoduError('E_DTYPE', `output '${name}' is bfloat16, which onnxruntime tensors cannot hold`, { hint: 'cast it to float32 in the model' });
    return new OrtTensor(v.dtype as OrtTensor.Type, v.data as never, [...v.dims]);
  }
  throw new HoduError('E_OUTPUT', `output '${name}' is not a tensor (a sequence or an absent optional)`, { hint: 'the hodu CLI (`hodu run`) writes sequence outputs' });
}
