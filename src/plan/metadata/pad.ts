import { need, type Builder } from './context';

const MODES = ['constant', 'reflect', 'edge', 'wrap'];

// [mode, rank, in_dims(rank)]: mode 0 constant, 1 reflect, 2 edge, 3 wrap (opset 19 on), -1 for any other
// (the interp rejects it; a kernel refuses it). pads, constant_value and axes stay inputs (opset 11 on).
export const pad: Builder = (c) => {
  const dims = need(c, 0);
  const mode = c.attr<string>('mode');
  const code = mode === 'wrap' && c.opset < 19 ? -1 : MODES.indexOf(mode);
  return [code, dims.length, ...dims];
};
