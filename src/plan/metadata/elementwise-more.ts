import { binary } from './elementwise';
import { broadcastStrides, floatBits, need, type Builder } from './context';

// PRelu: Add's layout, the slope broadcast to X; before opset 7 a 1-D slope of X's channel count is per
// channel (axis 1, as [C, 1, …, 1]), as the interp reads it.
export const prelu: Builder = (c) => {
  const x = need(c, 0);
  const s = need(c, 1);
  const out = c.outputs[0]!;
  const perChannel = c.opset < 7 && s.length === 1 && x.length > 2 && s[0] === x[1] && s[0] !== 1;
  const slope = perChannel ? [s[0]!, ...new Array<number>(x.length - 2).fill(1)] : s;
  return [out.length, ...out, ...broadcastStrides(x, out), ...broadcastStrides(slope, out)];
};

// Mod: Add's layout, then [fmod].
export const mod: Builder = (c) => [...binary(c), c.attr<number>('fmod')];

// BitShift: Add's layout, then [direction]: 0 LEFT, 1 RIGHT, -1 any other spelling (a kernel refuses it).
export const bitShift: Builder = (c) => {
  const direction = c.attr<string>('direction');
  return [...binary(c), direction === 'LEFT' ? 0 : direction === 'RIGHT' ? 1 : -1];
};

// Sum, Mean: [rank, out_dims(rank), strides(rank) of each input in turn] (numpy broadcasting of every input).
export const variadicBroadcast: Builder = (c) => {
  const out = c.outputs[0]!;
  return [out.length, ...out, ...c.inputs.flatMap((_, i) => broadcastStrides(need(c, i), out))];
};

// [bias_bits, lambd_bits]
export const shrink: Builder = (c) => [floatBits(c.attr<number>('bias')), floatBits(c.attr<number>('lambd'))];

// [detect_negative, detect_positive]
export const isInf: Builder = (c) => [c.attr<number>('detect_negative') ? 1 : 0, c.attr<number>('detect_positive') ? 1 : 0];
