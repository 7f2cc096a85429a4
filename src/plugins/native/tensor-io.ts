/** Moving tensors in and out of the aligned buffers a manifest run reads and writes. */
import { HoduError } from '../../errors';
import { bytesOf, dataFromBytes, viewOfBytes, type BigArray, type NumericArray } from '../../ir/dtype';
import { feedInputs, type Model } from '../../ir/graph';
import { Tensor } from '../../ir/tensor';
import type { RuntimeValue } from '../../sdk/backend';
import type { DispatchManifest } from '../../sdk/manifest';
import { address, alignedBytes, isAligned } from './binding';
import { ownedCopy } from './native-heap';

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

/** The fed tensor's bytes, checked against the planned dtype and dims. */
function fedBytes(m: DispatchManifest, id: number, feeds: Map<string, RuntimeValue>, plugin: string): Uint8Array {
  const t = m.tensors[id]!;
  const x = feedTensor(feeds, t.name, plugin);
  if (x.dtype !== t.dtype || x.dims.length !== t.dims.length || x.dims.some((d, i) => d !== t.dims[i])) {
    throw new HoduError('E_INPUT', `input '${t.name}' is ${x.dtype}[${x.dims}], the plan expects ${t.dtype}[${t.dims}]`);
  }
  return bytesOf(x.data as NumericArray | BigArray);
}

/** One aligned buffer per graph input (the tensor's own when it is aligned), in manifest order, checked against the planned dtype and dims. */
export function packInputs(m: DispatchManifest, feeds: Map<string, RuntimeValue>, plugin: string): Uint8Array[] {
  return m.inputs.map((id) => {
    const t = m.tensors[id]!;
    const bytes = fedBytes(m, id, feeds, plugin);
    // Inputs are read-only to the plugin (ffi/hodu_plugin.h): a buffer already aligned, such as another native
    // partition's output in a partitioned session, is passed as it is, without a copy.
    if (bytes.byteLength === t.byteSize && isAligned(bytes)) return bytes;
    const buf = alignedBytes(t.byteSize);
    buf.set(bytes);
    return buf;
  });
}

/** Buffers a run's outputs may view without a copy: they are overwritten by the plan's next run. */
const borrowed = new WeakSet<ArrayBufferLike>();

/** Whether a tensor views a plan's reused buffers (PlanIo.run with borrow): it must be copied before it outlives the next run. */
function isBorrowed(v: RuntimeValue): v is Tensor {
  return v instanceof Tensor && v.dtype !== 'string' && borrowed.has((v.data as NumericArray | BigArray).buffer);
}

/** A borrowed tensor's own copy (others as they are). */
export function ownValue(v: RuntimeValue): RuntimeValue {
  if (!isBorrowed(v)) return v;
  return new Tensor(v.dtype, v.dims, dataFromBytes(v.dtype as Exclude<Tensor['dtype'], 'string'>, bytesOf(v.data as NumericArray | BigArray), v.size));
}

/** How one graph output of a plan is read back: where its bytes are, and the typed view over them when fixed. */
interface OutputSlot {
  dtype: Exclude<Tensor['dtype'], 'string'>;
  dims: readonly number[];
  count: number;
  /** For an output the plugin passes through from an input: that input's slot (its buffer may change per run). */
  input: number;
  /** Otherwise the plan's own bytes (an output buffer, or a folded constant in the weights), viewed once. */
  view: NumericArray | BigArray | undefined;
  /** The tensor lent for `view` (borrowed runs hand out the same object: its values change with every run). */
  lent: Tensor | undefined;
}

/**
 * The buffers and pointer tables of one plan, made once and reused by every in-process run: output buffers
 * (64-byte aligned), an aligned staging buffer for each input fed unaligned, and the tables of addresses
 * handed to run(), rewritten only for an input whose buffer changed since the last run. The plan keeps the
 * last fed buffers referenced so that their addresses stay valid. Everything a run can know beforehand (the
 * typed views of the outputs, the feed names) is made here, so a run only checks what it is fed and copies
 * the outputs out.
 */
export class PlanIo {
  readonly outputs: Uint8Array[];
  readonly outputTable: BigUint64Array;
  readonly inputTable: BigUint64Array;
  private readonly bound: (Uint8Array | undefined)[];
  private readonly staging: (Uint8Array | undefined)[];
  /** The tensor fed to each input slot last time, when it was bound without a copy (the same object again needs no check). */
  private readonly fed: (Tensor | undefined)[];
  private readonly names: string[];
  private readonly slots: OutputSlot[];

  constructor(private readonly m: DispatchManifest, private readonly plugin: string) {
    this.outputs = allocOutputs(m);
    for (const b of this.outputs) borrowed.add(b.buffer);
    borrowed.add(m.weights.buffer);
    this.outputTable = new BigUint64Array(Math.max(1, this.outputs.length));
    this.outputs.forEach((b, i) => (this.outputTable[i] = address(b)));
    this.inputTable = new BigUint64Array(Math.max(1, m.inputs.length));
    this.bound = m.inputs.map(() => undefined);
    this.staging = m.inputs.map(() => undefined);
    this.fed = m.inputs.map(() => undefined);
    this.names = m.inputs.map((id) => m.tensors[id]!.name);
    this.slots = m.outputs.map((id, slot) => {
      const t = m.tensors[id]!;
      if (t.dtype === 'string') throw new HoduError('E_PLAN', `output '${t.name}' is a string tensor`);
      const count = t.dims.reduce((a, b) => a * b, 1);
      const bytes = t.role === 'weight' ? m.weights.subarray(t.offset, t.offset + t.byteSize)
        : t.role === 'output' && t.offset !== slot ? this.outputs[t.offset]! // the same value listed twice
        : t.role === 'input' ? undefined : this.outputs[slot]!;
      return { dtype: t.dtype, dims: t.dims, count, input: t.role === 'input' ? t.offset : -1, view: bytes && viewOfBytes(t.dtype, bytes, count), lent: undefined };
    });
  }

  /** Points the input table at this run's inputs (an aligned fed buffer as it is, any other copied into staging); returns them. */
  bindInputs(feeds: Map<string, RuntimeValue>): Uint8Array[] {
    const inputs = this.bound as Uint8Array[];
    for (let slot = 0; slot < this.names.length; slot++) {
      const x = feeds.get(this.names[slot]!);
      // The same tensor as last run, bound in place: its dims and buffer are as checked then.
      if (x !== undefined && x === this.fed[slot]) continue;
      this.fed[slot] = undefined;
      const id = this.m.inputs[slot]!;
      const size = this.m.tensors[id]!.byteSize;
      let bytes = fedBytes(this.m, id, feeds, this.plugin);
      const last = this.bound[slot];
      if (last && last.buffer === bytes.buffer && last.byteOffset === bytes.byteOffset && last.byteLength === bytes.byteLength) {
        this.fed[slot] = x as Tensor;
        continue;
      }
      if (bytes.byteLength !== size || !isAligned(bytes)) {
        const stage = (this.staging[slot] ??= alignedBytes(size));
        if (!borrowed.has(stage.buffer)) borrowed.add(stage.buffer);
        stage.set(bytes.subarray(0, size));
        if (last === stage) continue;
        bytes = stage;
      } else {
        this.fed[slot] = x as Tensor;
      }
      this.bound[slot] = bytes;
      this.inputTable[slot] = address(bytes);
    }
    return inputs;
  }

  /** The graph outputs of the last run: views of the plan's buffers when `borrow`, else copies the caller owns. */
  unpack(inputs: Uint8Array[], borrow: boolean): Map<string, RuntimeValue> {
    const result = new Map<string, RuntimeValue>();
    const ids = this.m.outputs;
    for (let slot = 0; slot < ids.length; slot++) {
      const o = this.slots[slot]!;
      const name = this.m.tensors[ids[slot]!]!.name;
      if (!o.view) {
        const bytes = inputs[o.input]!;
        result.set(name, new Tensor(o.dtype, o.dims, borrow ? viewOfBytes(o.dtype, bytes, o.count) : dataFromBytes(o.dtype, bytes, o.count)));
      } else if (borrow) {
        result.set(name, (o.lent ??= new Tensor(o.dtype, o.dims, o.view)));
      } else {
        // One allocation and copy (dataFromBytes makes three typed arrays for the same); large ones on the C heap.
        result.set(name, new Tensor(o.dtype, o.dims, viewOfBytes(o.dtype, new Uint8Array(ownedCopy(bytesOf(o.view))), o.count)));
      }
    }
    return result;
  }
}

export function allocOutputs(m: DispatchManifest): Uint8Array[] {
  return m.outputs.map((id) => alignedBytes(m.tensors[id]!.byteSize));
}

/**
 * Graph outputs as tensors. Outputs the plugin does not write (a folded constant, an input passed
 * straight through) are filled here from the weights blob or the input buffers.
 */
export function unpackOutputs(m: DispatchManifest, outputs: Uint8Array[], inputs: Uint8Array[], borrow = false): Map<string, RuntimeValue> {
  const result = new Map<string, RuntimeValue>();
  m.outputs.forEach((id, slot) => {
    const t = m.tensors[id]!;
    if (t.dtype === 'string') throw new HoduError('E_PLAN', `output '${t.name}' is a string tensor`);
    let bytes = outputs[slot]!;
    if (t.role === 'weight') bytes = m.weights.subarray(t.offset, t.offset + t.byteSize);
    else if (t.role === 'input') bytes = inputs[t.offset]!;
    else if (t.role === 'output' && t.offset !== slot) bytes = outputs[t.offset]!; // the same value listed twice
    const count = t.dims.reduce((a, b) => a * b, 1);
    result.set(t.name, new Tensor(t.dtype, t.dims, borrow ? viewOfBytes(t.dtype, bytes, count) : dataFromBytes(t.dtype, bytes, count)));
  });
  return result;
}
