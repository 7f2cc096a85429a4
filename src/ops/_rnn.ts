/** Schema pieces shared by RNN, GRU and LSTM. */
import type { Dim } from '../ir/graph';
import type { AttrSpec, InferContext, InferOutput } from './schema';

export const rnnAttributes: Record<string, AttrSpec> = {
  activation_alpha: { type: 'floats' },
  activation_beta: { type: 'floats' },
  activations: { type: 'strings' },
  clip: { type: 'float' },
  direction: { type: 'string', default: 'forward' },
  hidden_size: { type: 'int' },
  layout: { type: 'int', default: 0 },
  // Opset 1 only (RNN-1, GRU-1, LSTM-1); Y is optional anyway, so it changes nothing here.
  output_sequence: { type: 'int', default: 0 },
};

export const rnnInputs = [
  { name: 'X', type: 'T' }, { name: 'W', type: 'T' }, { name: 'R', type: 'T' },
  { name: 'B', type: 'T', optional: true }, { name: 'sequence_lens', type: 'T1', optional: true }, { name: 'initial_h', type: 'T', optional: true },
];

/** `layout` (opset 14 added it; before, sequence-major): read by the schema and the interp kernels. */
export function rnnLayout(ctx: { opset: number; attr<T>(name: string): T }): number {
  return ctx.opset >= 14 ? ctx.attr<number>('layout') : 0;
}

/** `hidden_size`, which exporters may omit: then R's last dimension ([dirs, gates·H, H]) says it. */
export function rnnHiddenSize<D>(ctx: { attr<T>(name: string): T }, rShape: readonly D[] | undefined): number | D | undefined {
  return ctx.attr<number | undefined>('hidden_size') ?? rShape?.[2];
}

/** Y [seq, dirs, batch, H] and the states [dirs, batch, H] (batch-major when layout = 1). */
export function inferRnn(ctx: InferContext, states: number): InferOutput[] {
  const x = ctx.inputs[0];
  const r = ctx.inputs[2];
  const dtype = x?.dtype;
  const layout = rnnLayout(ctx);
  const dirs = ctx.attr<string>('direction') === 'bidirectional' ? 2 : 1;
  const hidden: Dim = rnnHiddenSize(ctx, r?.shape) ?? '?';
  if (!x?.shape || x.shape.length !== 3) return Array.from({ length: states + 1 }, () => ({ dtype }));
  const [seq, batch] = layout === 1 ? [x.shape[1]!, x.shape[0]!] : [x.shape[0]!, x.shape[1]!];
  const y = layout === 1 ? [batch, seq, dirs, hidden] : [seq, dirs, batch, hidden];
  const st = layout === 1 ? [batch, dirs, hidden] : [dirs, batch, hidden];
  return [{ dtype, shape: y }, ...Array.from({ length: states }, () => ({ dtype, shape: st.slice() }))];
}
