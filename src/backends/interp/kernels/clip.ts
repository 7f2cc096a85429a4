import { isBigDType, type BigArray } from '../../../ir/dtype';
import { nodeError } from '../../../ir/node-error';
import type { NodeRef } from '../../../ir/node-label';
import { toNumbers, type Tensor } from '../../../ir/tensor';
import { defineKernel, optionalInput } from '../kernel';
import { mapUnaryTyped, numericInput } from '../util/unary';

function scalarBound(t: Tensor | undefined, which: string, node: NodeRef): Tensor | undefined {
  if (t && t.size !== 1) {
    throw nodeError(node, 'E_SHAPE', `${which} must be a scalar, got shape [${t.dims}]`);
  }
  return t;
}

// min(max(x, lo), hi): when lo > hi every value becomes hi, as the spec says.
export default defineKernel('Clip', (inputs, ctx) => {
  const x = numericInput(inputs, 0, ctx);
  if (ctx.opset < 11) {
    const lo = ctx.attr<number>('min');
    const hi = ctx.attr<number>('max');
    return [mapUnaryTyped(x, (v) => Math.min(Math.max(v, lo), hi))];
  }
  const loT = scalarBound(optionalInput(inputs, 1), 'min', ctx.node);
  const hiT = scalarBound(optionalInput(inputs, 2), 'max', ctx.node);
  if (isBigDType(x.dtype)) {
    const lo = loT ? (loT.data as BigArray)[0]! : undefined;
    const hi = hiT ? (hiT.data as BigArray)[0]! : undefined;
    const clip = (v: bigint) => {
      let r = lo !== undefined && v < lo ? lo : v;
      if (hi !== undefined && r > hi) r = hi;
      return r;
    };
    return [mapUnaryTyped(x, (v) => v, clip)];
  }
  const lo = loT ? toNumbers(loT)[0]! : -Infinity;
  const hi = hiT ? toNumbers(hiT)[0]! : Infinity;
  return [mapUnaryTyped(x, (v) => Math.min(Math.max(v, lo), hi))];
});
