import { HoduError } from '../../../errors';
import { allocData } from '../../../ir/dtype';
import type { Graph, TensorType } from '../../../ir/graph';
import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { int64Tensor, Tensor, toIntList } from '../../../ir/tensor';
import { defineKernel, optionalInput, type Value } from '../kernel';
import { copyRange, storeOf } from '../util/copy';

function boolScalar(v: boolean): Tensor {
  return new Tensor('bool', [], Uint8Array.of(v ? 1 : 0));
}

/** Stacks same-shaped tensors along a new first axis. */
function stack(parts: Tensor[], what: () => string): Tensor {
  const first = parts[0]!;
  const out = allocData(first.dtype, first.size * parts.length);
  const sameShape = (p: Tensor) => p.dims.length === first.dims.length && p.dims.every((d, k) => d === first.dims[k]);
  parts.forEach((p, i) => {
    // Compared dim by dim: a Loop stacks one part per iteration, and joining both shapes to strings each time showed in profiles.
    if (p.dtype !== first.dtype || !sameShape(p)) {
      throw new HoduError('E_SHAPE', `${what()}: iteration ${i} produced ${p.dtype}[${p.dims.join(',')}], iteration 0 ${first.dtype}[${first.dims.join(',')}]`, {
        hint: 'scan outputs must keep one shape across iterations',
      });
    }
    copyRange(p.data, 0, out, i * first.size, first.size);
  });
  return new Tensor(first.dtype, [parts.length, ...first.dims], out);
}

export default defineKernel('Loop', (inputs, ctx) => {
  const body = ctx.attr<Graph>('body');
  const tripInput = optionalInput(inputs, 0);
  const condInput = optionalInput(inputs, 1);
  const maxTrips = tripInput ? toIntList(tripInput)[0]! : Infinity;
  let carried: Value[] = inputs.slice(2).map((v) => v ?? null);
  const nScan = body.outputs.length - 1 - carried.length;
  if (nScan < 0) {
    throw nodeError(ctx.node, 'E_GRAPH', `body has ${body.outputs.length} outputs for ${carried.length} loop-carried values`,
      'the model is malformed');
  }
  const scans: Tensor[][] = Array.from({ length: nScan }, () => []);
  let cond = condInput ? Boolean(storeOf(condInput.data)[0]) : true;
  let iter = 0;
  while (iter < maxTrips && cond) {
    const outs = ctx.runSubgraph(body, [int64Tensor([iter], []), boolScalar(cond), ...carried]);
    // Without a cond input the body's cond output is ignored (a plain for loop).
    if (condInput) {
      const c = outs[0];
      if (!(c instanceof Tensor)) throw nodeError(ctx.node, 'E_GRAPH', 'body did not produce a cond tensor');
      cond = Boolean(storeOf(c.data)[0]);
    }
    carried = outs.slice(1, 1 + carried.length);
    outs.slice(1 + carried.length).forEach((v, k) => {
      if (!(v instanceof Tensor)) throw nodeError(ctx.node, 'E_GRAPH', `scan output ${k} is not a tensor`);
      scans[k]!.push(v);
    });
    iter++;
  }
  const stacked = scans.map((parts, k) => {
    if (parts.length) return stack(parts, () => `${nodeLabel(ctx.node)} scan output ${k}`);
    // Zero iterations: an empty tensor shaped from the body's declared type where it is known.
    const declared = body.outputs[1 + carried.length + k]?.type as TensorType | undefined;
    const inner = declared?.shape?.every((d) => typeof d === 'number') ? (declared.shape as number[]) : [];
    return new Tensor(declared?.dtype ?? 'float32', [0, ...inner]);
  });
  return [...carried, ...stacked];
});
