import { nodeError } from '../../../ir/node-error';
import { fromNumbers, toNumbers, type Tensor } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput, type KernelContext } from '../kernel';
import { storeOf } from '../util/copy';
import { Rng } from '../util/random';

/** Whether this node drops (training) and with which ratio, per the opset's way of saying so. */
function trainingRatio(inputs: Parameters<typeof optionalInput>[0], ctx: KernelContext): number {
  if (ctx.opset < 7) return ctx.attr<number>('is_test') ? 0 : ctx.attr<number>('ratio');
  if (ctx.opset < 12) return 0; // Dropout-7..11 is inference-only
  const mode = optionalInput(inputs, 2);
  if (!mode || !storeOf(mode.data)[0]) return 0;
  const ratioInput = optionalInput(inputs, 1);
  return ratioInput ? toNumbers(ratioInput)[0]! : 0.5;
}

export default defineKernel('Dropout', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const ratio = trainingRatio(inputs, ctx);
  if (!(ratio >= 0 && ratio < 1)) {
    throw nodeError(ctx.node, 'E_INPUT', `ratio ${ratio} must be in [0, 1)`);
  }
  const maskDtype = ctx.opset >= 10 ? 'bool' : x.dtype;
  if (ratio === 0) return [x, fromNumbers(maskDtype, x.dims, new Uint8Array(x.size).fill(1))];
  // Old opsets name the seed nowhere: draw a fresh one, as the spec's "auto-generated" seed.
  const seed = ctx.opset >= 12 ? ctx.attr<number | undefined>('seed') : undefined;
  const rng = new Rng(seed ?? Math.random() * 2 ** 32);
  const v = toNumbers(x);
  const y = new Float64Array(x.size);
  const keep = new Uint8Array(x.size);
  const scale = 1 / (1 - ratio);
  for (let i = 0; i < v.length; i++) {
    keep[i] = rng.uniform() >= ratio ? 1 : 0;
    y[i] = keep[i] ? v[i]! * scale : 0;
  }
  const out: Tensor = fromNumbers(x.dtype, x.dims, y);
  return [out, fromNumbers(maskDtype, x.dims, keep)];
});
