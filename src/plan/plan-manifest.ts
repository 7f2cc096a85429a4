/**
 * Lowers a model to a DispatchManifest for given input shapes: static shapes with constant folding
 * (static-shapes.ts), then the tensor table (graph inputs, weights, step outputs), the steps with their
 * kernel names and metadata, the weights blob and the arena (arena.ts).
 */
import { HoduError } from '../errors';
import { bytesOf, bytesPerElement, type BigArray, type NumericArray } from '../ir/dtype';
import { feedInputs, type Model } from '../ir/graph';
import type { Tensor } from '../ir/tensor';
import { opToKernelName } from '../sdk/kernel-names';
import { alignUp, type DispatchManifest, type ManifestStep, type ManifestTensor } from '../sdk/manifest';
import { MANIFEST_VERSION } from '../version';
import { planArena, type ArenaItem } from './arena';
import { buildMetadata } from './metadata';
import { inferStaticGraph, type StaticValue } from './static-shapes';

const byteSize = (v: StaticValue) => v.dims.reduce((a, b) => a * b, 1) * bytesPerElement(v.dtype);

/**
 * Plans `model` for concrete input shapes (`inputShapes` may omit inputs whose declared shape is static).
 * Throws HoduError('E_PLAN') naming the node when a shape cannot be made static.
 */
export function planManifest(model: Model, inputShapes: ReadonlyMap<string, readonly number[]> = new Map()): DispatchManifest {
  const g = inferStaticGraph(model, inputShapes);
  const tensors: ManifestTensor[] = [];
  const ids = new Map<string, number>();
  const weightParts: { offset: number; bytes: Uint8Array }[] = [];
  let weightsSize = 0;
  const valueOf = (name: string): StaticValue => {
    const v = g.values.get(name);
    if (!v) throw new HoduError('E_PLAN', `value '${name}' is never produced`);
    if (v.dtype === 'string') throw new HoduError('E_PLAN', `value '${name}' is a string tensor; native backends take numeric tensors only`);
    return v;
  };
  const addConstant = (name: string, v: StaticValue & { value: Tensor }): number => {
    const id = tensors.length;
    const offset = weightsSize;
    weightParts.push({ offset, bytes: bytesOf(v.value.data as NumericArray | BigArray) });
    weightsSize = alignUp(offset + byteSize(v));
    tensors.push({ id, name, dtype: v.dtype, role: 'weight', dims: v.dims, offset, byteSize: byteSize(v) });
    ids.set(name, id);
    return id;
  };
  /** Id of a value read by a step or a graph output; constants become weights on first use. */
  const use = (name: string): number => {
    const known = ids.get(name);
    if (known !== undefined) return known;
    const v = valueOf(name);
    if (!v.value) throw new HoduError('E_PLAN', `value '${name}' is read before it is produced`);
    return addConstant(name, v as StaticValue & { value: Tensor });
  };

  const inputs = feedInputs(model.graph).map((input, slot) => {
    const v = valueOf(input.name);
    const id = tensors.length;
    tensors.push({ id, name: input.name, dtype: v.dtype, role: 'input', dims: v.dims, offset: slot, byteSize: byteSize(v) });
    ids.set(input.name, id);
    return id;
  });
  const graphOutputs = model.graph.outputs.map((o) => o.name);

  const steps: ManifestStep[] = [];
  const arenaItems = new Map<number, ArenaItem>();
  g.nodes.forEach(({ node, opset }, stepIndex) => {
    const inIds = node.inputs.map((name) => (name === '' ? -1 : use(name)));
    for (const id of inIds) {
      const item = arenaItems.get(id);
      if (item) item.lastStep = stepIndex;
    }
    const outIds = node.outputs.map((name) => {
      if (name === '') return -1;
      const v = valueOf(name);
      const id = tensors.length;
      const slot = graphOutputs.indexOf(name);
      tensors.push({ id, name, dtype: v.dtype, role: slot >= 0 ? 'output' : 'intermediate', dims: v.dims, offset: Math.max(slot, 0), byteSize: byteSize(v) });
      ids.set(name, id);
      if (slot < 0) arenaItems.set(id, { id, byteSize: byteSize(v), firstStep: stepIndex, lastStep: stepIndex });
      return id;
    });
    const present = (names: string[]) => names.filter((n) => n !== '').map((n) => valueOf(n));
    const ins = node.inputs.map((n) => (n === '' ? undefined : valueOf(n).dims));
    const outs = node.outputs.map((n) => (n === '' ? [] : valueOf(n).dims));
    steps.push({
      kernel: opToKernelName(node.op, [...present(node.inputs), ...present(node.outputs)].map((v) => v.dtype), node.domain),
      node: node.name,
      inputs: inIds,
      outputs: outIds,
      metadata: buildMetadata(node, ins, outs, opset),
    });
  });
  const outputs = graphOutputs.map(use);

  const arena = planArena([...arenaItems.values()]);
  for (const [id, offset] of arena.offsets) tensors[id]!.offset = offset;
  const weights = new Uint8Array(weightsSize);
  for (const p of weightParts) weights.set(p.bytes, p.offset);
  return { version: MANIFEST_VERSION, tensors, steps, inputs, outputs, arenaSize: arena.size, weights };
}
