import { kernelShapeOf, readWindowAttrs, resolveWindow } from '../../ops/_window-geometry';
import { need, type Builder } from './context';

// [spatial, group, kernel(s), strides(s), pads_begin(s), pads_end(s), dilations(s)] with auto_pad resolved by
// the same window geometry the schema's shape inference and the interp kernel use.
export const conv: Builder = (c) => {
  const x = need(c, 0);
  const kernel = kernelShapeOf(c.attr, need(c, 1));
  const win = resolveWindow(x.slice(2), readWindowAttrs(c.attr, kernel), c.node);
  return [x.length - 2, c.attr<number>('group'), ...kernel, ...win.strides, ...win.padsBegin, ...win.padsEnd, ...win.dilations];
};
