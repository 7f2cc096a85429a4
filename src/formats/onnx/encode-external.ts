/**
 * Writes an ONNX model with its large initializers and Constant values in a side file (ONNX external data, as
 * onnx's convert_model_to_external_data with convert_attribute=True): each such TensorProto
 * keeps dims and data type and gets `data_location = EXTERNAL` with `location` (the side file's name, relative
 * to the model's directory, as the reader requires), `offset` and `length`. Offsets are aligned to
 * EXTERNAL_ALIGN bytes so a reader can map or read each tensor at an aligned address.
 */
import { bytesOf, type BigArray, type NumericArray } from '../../ir/dtype';
import type { Model } from '../../ir/graph';
import { encodeModelWith } from './encode';
import { tensorToProto } from './encode-tensor';
import { onnx } from './pb';

/** Initializers of at least this many bytes go to the side file (the ONNX tools' default threshold). */
export const EXTERNAL_THRESHOLD = 1024;
const EXTERNAL_ALIGN = 64;

interface ExternalEncoding {
  model: Uint8Array;
  data: Uint8Array;
  /** How many tensors (initializers and Constant values) went to the side file. */
  tensors: number;
}

/** `location`: the side file's name as the model will name it (a bare file name next to the model). */
export function encodeModelWithExternalData(model: Model, location: string, threshold = EXTERNAL_THRESHOLD): ExternalEncoding {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  let tensors = 0;
  const bytes = encodeModelWith(model, (t, name) => {
    if (t.dtype === 'string' || t.size === 0) return undefined;
    const raw = bytesOf(t.data as NumericArray | BigArray);
    if (raw.byteLength < threshold) return undefined;
    const pad = (EXTERNAL_ALIGN - (offset % EXTERNAL_ALIGN)) % EXTERNAL_ALIGN;
    if (pad) chunks.push(new Uint8Array(pad));
    offset += pad;
    const p = tensorToProto(t, name);
    delete p.rawData;
    p.dataLocation = onnx.TensorProto.DataLocation.EXTERNAL;
    p.externalData = [
      { key: 'location', value: location },
      { key: 'offset', value: String(offset) },
      { key: 'length', value: String(raw.byteLength) },
    ];
    chunks.push(raw); // a view: copied once, into `data` below
    offset += raw.byteLength;
    tensors++;
    return p;
  });
  const data = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.byteLength;
  }
  return { model: bytes, data, tensors };
}
