import { normalizeAxis } from '../../../ir/axis';
import type { Graph, TensorType } from '../../../ir/graph';
import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { Tensor, toIntList } from '../../../ir/tensor';
import { defineKernel, optionalInput, type KernelContext, type Value } from '../kernel';
import { stackAlong, takeAlong } from '../util/scan';

interface ScanPlan {
  inAxes: number[];
  inReverse: boolean[];
  outAxes: number[];
  outReverse: boolean[];
}

function asTensor(v: Value | undefined, ctx: KernelContext, what: string): Tensor {
  if (!(v instanceof Tensor)) throw nodeError(ctx.node, 'E_INPUT', `${what} must be a tensor`);
  return v;
}

/** Runs the body over `steps` slices of the scan inputs; returns the final states and the scan outputs. */
function runScan(ctx: KernelContext, body: Graph, initial: Value[], scans: Tensor[], plan: ScanPlan, steps: number, outLength: number): Value[] {
  let states = initial;
  const nOut = body.outputs.length - states.length;
  if (nOut < 0) {
    throw nodeError(ctx.node, 'E_GRAPH', `body has ${body.outputs.length} outputs for ${states.length} state variables`, 'the model is malformed');
  }
  const parts: Tensor[][] = Array.from({ length: nOut }, () => []);
  for (let t = 0; t < steps; t++) {
    const slices = scans.map((s, j) => takeAlong(s, plan.inAxes[j]!, plan.inReverse[j] ? steps - 1 - t : t));
    const outs = ctx.runSubgraph(body, [...states, ...slices]);
    states = outs.slice(0, states.length);
    outs.slice(states.length).forEach((v, k) => parts[k]!.push(asTensor(v, ctx, `scan output ${k}`)));
  }
  const stacked = parts.map((list, k) => {
    const declared = body.outputs[states.length + k]?.type as TensorType | undefined;
    if (!list.length) {
      // Zero iterations: an empty tensor shaped from the body's declared type where it is known.
      const inner = declared?.shape?.every((d) => typeof d === 'number') ? (declared.shape as number[]) : [];
      const dims = inner.slice();
      dims.splice(Math.min(plan.outAxes[k] ?? 0, dims.length), 0, 0);
      return new Tensor(declared?.dtype ?? 'float32', dims);
    }
    const ordered = plan.outReverse[k] ? list.slice().reverse() : list;
    const axis = normalizeAxis(plan.outAxes[k] ?? 0, list[0]!.rank + 1, ctx.node, 'scan_output_axes entry');
    return stackAlong(ordered, axis, outLength, () => `${nodeLabel(ctx.node)} scan output ${k}`);
  });
  return [...states, ...stacked];
}

/** The common scan length of the scan inputs along their axes. */
function scanLength(ctx: KernelContext, scans: Tensor[], axes: number[]): number {
  const lens = scans.map((s, j) => s.dims[axes[j]!]!);
  if (lens.some((l) => l !== lens[0])) {
    throw nodeError(ctx.node, 'E_SHAPE', `scan inputs have different sequence lengths (${lens.join(', ')})`);
  }
  return lens[0] ?? 0;
}

// Scan-8: batch axis 0 on every input; each batch entry is scanned on its own (axis 1 of the input).
function scan8(inputs: (Value | undefined)[], ctx: KernelContext, body: Graph, m: number): Value[] {
  const lensInput = optionalInput(inputs, 0);
  const rest = inputs.slice(1).map((v, i) => asTensor(v, ctx, `input ${i + 1}`));
  const states = rest.slice(0, rest.length - m);
  const scans = rest.slice(rest.length - m);
  const batch = (states[0] ?? scans[0])?.dims[0] ?? 0;
  const maxLen = scans[0]?.dims[1] ?? 0;
  const lens = lensInput ? toIntList(lensInput) : new Array<number>(batch).fill(maxLen);
  const dirs = ctx.attr<number[] | undefined>('directions') ?? [];
  const plan: ScanPlan = { inAxes: scans.map(() => 0), inReverse: scans.map((_, j) => dirs[j] === 1), outAxes: [], outReverse: [] };
  const perBatch: Value[][] = [];
  for (let b = 0; b < batch; b++) {
    if (!(lens[b]! >= 0 && lens[b]! <= maxLen)) {
      throw nodeError(ctx.node, 'E_INPUT', `sequence_lens[${b}] = ${lens[b]} is outside [0, ${maxLen}]`);
    }
    const bScans = scans.map((s) => takeAlong(s, 0, b));
    perBatch.push(runScan(ctx, body, states.map((s) => takeAlong(s, 0, b)), bScans, plan, lens[b]!, maxLen));
  }
  const nOut = body.outputs.length;
  return Array.from({ length: nOut }, (_, k) =>
    stackAlong(perBatch.map((outs) => asTensor(outs[k], ctx, `output ${k}`)), 0, batch, () => `${nodeLabel(ctx.node)} output ${k}`),
  );
}

export default defineKernel('Scan', (inputs, ctx) => {
  const body = ctx.attr<Graph>('body');
  const m = ctx.attr<number>('num_scan_inputs');
  if (ctx.opset < 9) return scan8(inputs, ctx, body, m);
  const n = inputs.length - m;
  if (m < 1 || n < 0) throw nodeError(ctx.node, 'E_ATTR', `num_scan_inputs ${m} does not fit ${inputs.length} inputs`);
  const scans = inputs.slice(n).map((v, j) => asTensor(v, ctx, `scan input ${j}`));
  const axisAttr = ctx.attr<number[] | undefined>('scan_input_axes') ?? [];
  const inDirs = ctx.attr<number[] | undefined>('scan_input_directions') ?? [];
  const outDirs = ctx.attr<number[] | undefined>('scan_output_directions') ?? [];
  const plan: ScanPlan = {
    inAxes: scans.map((s, j) => normalizeAxis(axisAttr[j] ?? 0, s.rank, ctx.node, 'scan_input_axes entry')),
    inReverse: scans.map((_, j) => inDirs[j] === 1),
    outAxes: ctx.attr<number[] | undefined>('scan_output_axes') ?? [],
    outReverse: outDirs.map((d) => d === 1),
  };
  const steps = scanLength(ctx, scans, plan.inAxes);
  return runScan(ctx, body, inputs.slice(0, n).map((v) => v ?? null), scans, plan, steps, steps);
});
