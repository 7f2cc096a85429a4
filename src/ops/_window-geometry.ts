/**
 * Window geometry shared by Conv, ConvTranspose and the pooling ops: how auto_pad, pads, strides, dilations
 * and ceil_mode turn an input extent into an output extent (ONNX Operators.md, Conv / MaxPool).
 * Used both by shape inference (possibly symbolic dims) and by the interp kernels (concrete dims).
 */
import type { Dim } from '../ir/graph';
import { nodeError } from '../ir/node-error';
import type { NodeRef } from '../ir/node-label';
import type { AttrSpec } from './schema';

interface WindowAttrs {
  /** 'NOTSET' | 'SAME_UPPER' | 'SAME_LOWER' | 'VALID' */
  autoPad: string;
  kernel: number[];
  strides?: number[];
  dilations?: number[];
  /** ONNX layout: all begins, then all ends. */
  pads?: number[];
  ceilMode?: boolean;
}

export interface Window {
  kernel: number[];
  strides: number[];
  dilations: number[];
  padsBegin: number[];
  padsEnd: number[];
  out: Dim[];
}

/** The attributes Conv and ConvTranspose both have (ConvInteger and QLinearConv take Conv's). */
export const convAttributes: Record<string, AttrSpec> = {
  auto_pad: { type: 'string', default: 'NOTSET' },
  dilations: { type: 'ints' },
  group: { type: 'int', default: 1 },
  kernel_shape: { type: 'ints' },
  pads: { type: 'ints' },
  strides: { type: 'ints' },
};

/** A Conv-family kernel_shape: declared, or (ONNX: inferred from W when absent) W's spatial dims. */
export function kernelShapeOf<D>(attr: <T>(name: string) => T, wShape: readonly D[]): (number | D)[] {
  return attr<number[] | undefined>('kernel_shape') ?? wShape.slice(2);
}

/** auto_pad, strides, dilations and pads of a Conv or pooling node (read through `attr`) around `kernel`. */
export function readWindowAttrs(attr: <T>(name: string) => T, kernel: number[]): WindowAttrs {
  return {
    autoPad: attr<string>('auto_pad'),
    kernel,
    strides: attr<number[] | undefined>('strides'),
    dilations: attr<number[] | undefined>('dilations'),
    pads: attr<number[] | undefined>('pads'),
  };
}

/** Resolves the sliding-window geometry over the spatial dims `inDims`; errors name `node`. */
export function resolveWindow(inDims: Dim[], a: WindowAttrs, node: NodeRef): Window {
  const n = inDims.length;
  const strides = a.strides?.length ? a.strides : new Array<number>(n).fill(1);
  const dilations = a.dilations?.length ? a.dilations : new Array<number>(n).fill(1);
  const pads = a.pads?.length ? a.pads : new Array<number>(2 * n).fill(0);
  if (a.kernel.length !== n || strides.length !== n || dilations.length !== n || pads.length !== 2 * n) {
    throw nodeError(node, 'E_ATTR', `kernel_shape/strides/dilations/pads do not match ${n} spatial dims ` +
      `(kernel [${a.kernel}], strides [${strides}], dilations [${dilations}], pads [${pads}])`);
  }
  if (strides.some((s) => s < 1) || dilations.some((d) => d < 1) || a.kernel.some((k) => k < 1)) {
    throw nodeError(node, 'E_ATTR', 'strides, dilations and kernel_shape must be positive');
  }
  const padsBegin = pads.slice(0, n);
  const padsEnd = pads.slice(n);
  const out: Dim[] = [];
  for (let i = 0; i < n; i++) {
    const size = inDims[i]!;
    const span = (a.kernel[i]! - 1) * dilations[i]! + 1;
    const s = strides[i]!;
    if (typeof size !== 'number') {
      out.push('?');
      continue;
    }
    if (a.autoPad === 'SAME_UPPER' || a.autoPad === 'SAME_LOWER') {
      const o = Math.ceil(size / s);
      const total = Math.max(0, (o - 1) * s + span - size);
      const small = Math.floor(total / 2);
      padsBegin[i] = a.autoPad === 'SAME_UPPER' ? small : total - small;
      padsEnd[i] = total - padsBegin[i]!;
      out.push(o);
    } else if (a.autoPad === 'VALID') {
      padsBegin[i] = 0;
      padsEnd[i] = 0;
      out.push(windowCount(Math.floor((size - span) / s) + 1, size, span, size, i, node));
    } else if (a.autoPad === 'NOTSET' || a.autoPad === '') {
      const room = size + padsBegin[i]! + padsEnd[i]! - span;
      let o = (a.ceilMode ? Math.ceil(room / s) : Math.floor(room / s)) + 1;
      // With ceil_mode the last window must still start inside the input or its begin padding.
      if (a.ceilMode && (o - 1) * s >= size + padsBegin[i]!) o--;
      out.push(windowCount(o, size, span, size + padsBegin[i]! + padsEnd[i]!, i, node));
    } else {
      throw nodeError(node, 'E_UNSUPPORTED_ATTR', `unknown auto_pad '${a.autoPad}'`, 'expected NOTSET, SAME_UPPER, SAME_LOWER or VALID');
    }
  }
  return { kernel: a.kernel, strides, dilations, padsBegin, padsEnd, out };
}

/**
 * The output extent `o` of spatial dim `i`. A non-empty input whose padded extent is shorter than the window has no
 * output position: onnxruntime refuses it, and an empty result would only surface as a puzzling error nodes later
 * (typically a wrong input size given to a CNN), so it is an error here. An empty input stays an empty output.
 */
function windowCount(o: number, size: number, span: number, padded: number, i: number, node: NodeRef): number {
  if (o > 0 || size === 0) return Math.max(0, o);
  throw nodeError(node, 'E_SHAPE', `spatial dim ${i} of the input is ${size} (${padded} with padding), shorter than ` +
    `the window (${span} with dilation): no output position`,
    'the input is too small for this model; `hodu inspect MODEL` shows the input shape it expects');
}

/** The concrete output extents of a window (kernels only; dims are known at run time). */
export function outDims(w: Window): number[] {
  return w.out as number[];
}

interface TransposeWindowAttrs {
  autoPad: string;
  kernel: number[];
  strides?: number[];
  dilations?: number[];
  pads?: number[];
  outputPadding?: number[];
  /** Spatial output shape (the last `n` entries are used if the attribute also lists N and C). */
  outputShape?: number[];
}

/**
 * ConvTranspose geometry (Operators.md): explicit pads give
 *   out = stride·(in−1) + output_padding + ((k−1)·dilation+1) − pads_begin − pads_end,
 * while output_shape (or SAME_* with out = in·stride) fixes `out` and derives the pads from the total padding.
 */
export function resolveTransposeWindow(inDims: Dim[], a: TransposeWindowAttrs, node: NodeRef): Window {
  const n = inDims.length;
  const strides = a.strides?.length ? a.strides : new Array<number>(n).fill(1);
  const dilations = a.dilations?.length ? a.dilations : new Array<number>(n).fill(1);
  const pads = a.pads?.length ? a.pads : new Array<number>(2 * n).fill(0);
  const outPad = a.outputPadding?.length ? a.outputPadding : new Array<number>(n).fill(0);
  const outShape = a.outputShape?.length ? a.outputShape.slice(-n) : undefined;
  if (a.kernel.length !== n || strides.length !== n || dilations.length !== n || pads.length !== 2 * n || outPad.length !== n) {
    throw nodeError(node, 'E_ATTR', `kernel_shape/strides/dilations/pads/output_padding do not match ${n} spatial dims`);
  }
  if (!['NOTSET', '', 'SAME_UPPER', 'SAME_LOWER', 'VALID'].includes(a.autoPad)) {
    throw nodeError(node, 'E_UNSUPPORTED_ATTR', `unknown auto_pad '${a.autoPad}'`, 'expected NOTSET, SAME_UPPER, SAME_LOWER or VALID');
  }
  const padsBegin = pads.slice(0, n);
  const padsEnd = pads.slice(n);
  const out: Dim[] = [];
  for (let i = 0; i < n; i++) {
    const size = inDims[i]!;
    if (typeof size !== 'number') {
      out.push(outShape ? outShape[i]! : '?');
      continue;
    }
    const full = strides[i]! * (size - 1) + outPad[i]! + (a.kernel[i]! - 1) * dilations[i]! + 1;
    const same = a.autoPad === 'SAME_UPPER' || a.autoPad === 'SAME_LOWER';
    if (a.autoPad === 'VALID') {
      padsBegin[i] = 0;
      padsEnd[i] = 0;
    }
    if (outShape || same) {
      const target = outShape ? outShape[i]! : size * strides[i]!;
      const total = full - target;
      // The spec's `total/2` is the reference's floor division (it matters for negative totals).
      const half = Math.floor(total / 2);
      padsBegin[i] = a.autoPad === 'SAME_UPPER' ? half : total - half;
      padsEnd[i] = total - padsBegin[i]!;
      out.push(target);
    } else {
      out.push(full - padsBegin[i]! - padsEnd[i]!);
    }
  }
  return { kernel: a.kernel, strides, dilations, padsBegin, padsEnd, out };
}
