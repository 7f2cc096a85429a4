/** Moving tensors in and out of the aligned buffers a manifest run reads and writes. */
import { HoduError } from '../../errors';
import { bytesOf, dataFromBytes, type BigArray, type NumericArray } from '../../ir/dtype';
import { feedInputs, type Model } from '../../ir/graph';
import { Tensor } from '../../ir/tensor';
import type { RuntimeValue } from '../../sdk/backend';
import type { DispatchManifest } from '../../sdk/manifest';
import { alignedBytes, isAligned } from './binding';

function feedTensor(feeds: Map<string, RuntimeValue>, name: string, plugin: string): Tensor {
  const v = feeds.get(name);
  if (!(v instanceof Tensor)) {
    throw new HoduError('E_INPUT', v === undefined ? `input '${name}' was not fed` : `input '${name}' must be a tensor for plugin '${plugin}'`, {
      hint: 'feed every graph input (hodu inspect MODEL lists them)',
    });
  }
  return v;
}

/** The concrete shape of every fed graph input (what planning needs). */
export function feedShapes(model: Model, feeds: Map<string, RuntimeValue>, plugin: string): Map<string, number[]> {
  return new Map(feedInputs(model.graph).map((i) => [i.name, [...feedTensor(feeds, i.name, plugin).dims]]));
}

/** One aligned buffer per graph input (the tensor's own when it is aligned), in manifest order, checked against the planned dtype and dims. */
export function packInputs(m: DispatchManifest, feeds: Map<string, RuntimeValue>, plugin: string): Uint8Array[] {
  return m.inputs.map((id) => {
    const t = m.tensors[id]!;
    const x = feedTensor(feeds, t.name, plugin);
    if (x.dtype !== t.dtype || x.dims.length !== t.dims.length || x.dims.some((d, i) => d !== t.dims[i])) {
      throw new HoduError('E_INPUT', `input '${t.name}' is ${x.dtype}[${x.dims}], the plan expects ${t.dtype}[${t.dims}]`);
    }
    const bytes = bytesOf(x.data as NumericArray | BigArray);
    // Inputs are read-only to the plugin (ffi/hodu_plugin.h): a buffer already aligned, such as another native
    // partition's output in a partitioned session, is passed as it is, without a copy.
    if (bytes.byteLength === t.byteSize && isAligned(bytes)) return bytes;
    const buf = alignedBytes(t.byteSize);
    buf.set(bytes);
    return buf;
  });
}

export function allocOutputs(m: DispatchManifest): Uint8Array[] {
  return m.outputs.map((id) => alignedBytes(m.tensors[id]!.byteSize));
}

/**
 * Graph outputs as tensors. Outputs the plugin does not write (a folded constant, an input passed
 * straight through) are filled here from the weights blob or the input buffers.
 */
export function unpackOutputs(m: DispatchManifest, outputs: Uint8Array[], inputs: Uint8Array[]): Map<string, RuntimeValue> {
  const result = new Map<string, RuntimeValue>();
  m.outputs.forEach((id, slot) => {
    const t = m.tensors[id]!;
    if (t.dtype === 'string') throw new HoduError('E_PLAN', `output '${t.name}' is a string tensor`);
    let bytes = outputs[slot]!;
    if (t.role === 'weight') bytes = m.weights.subarray(t.offset, t.offset + t.byteSize);
    else if (t.role === 'input') bytes = inputs[t.offset]!;
    else if (t.role === 'output' && t.offset !== slot) bytes = outputs[t.offset]!; // the same value listed twice
    const count = t.dims.reduce((a, b) => a * b, 1);
    result.set(t.name, new Tensor(t.dtype, t.dims, dataFromBytes(t.dtype, bytes, count)));
  });
  return result;
}
