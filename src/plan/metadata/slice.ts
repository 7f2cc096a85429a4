import { need, type Builder } from './context';

// [rank, in_dims(rank)] from opset 10 (starts/ends/axes/steps are inputs, read by the kernel); before 10,
// [rank, in_dims(rank), n, starts(n), ends(n), axes(n)] from the attributes (axes default 0..n-1).
// Attribute values beyond ±2^53 are clamped there (they mean "to the end" and slice the same).
export const slice: Builder = (c) => {
  const dims = need(c, 0);
  if (c.opset >= 10) return [dims.length, ...dims];
  const clamp = (v: number) => Math.max(Math.min(v, Number.MAX_SAFE_INTEGER), -Number.MAX_SAFE_INTEGER);
  const starts = c.attr<number[]>('starts').map(clamp);
  const ends = c.attr<number[]>('ends').map(clamp);
  const axes = c.attr<number[] | undefined>('axes') ?? starts.map((_, i) => i);
  return [dims.length, ...dims, starts.length, ...starts, ...ends, ...axes];
};
