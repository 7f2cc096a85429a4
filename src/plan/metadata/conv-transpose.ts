import { kernelShapeOf, readWindowAttrs, resolveTransposeWindow } from '../../ops/_window-geometry';
import { need, type Builder } from './context';

// [spatial, group, kernel(s), strides(s), pads_begin(s), pads_end(s), dilations(s)], Conv's layout, with the
// pads ConvTranspose's geometry resolves (auto_pad, output_shape); output_padding shows only in Y's dims.
export const convTranspose: Builder = (c) => {
  const x = need(c, 0);
  const kernel = kernelShapeOf(c.attr, need(c, 1));
  const win = resolveTransposeWindow(x.slice(2), {
    ...readWindowAttrs(c.attr, kernel),
    outputPadding: c.attr<number[] | undefined>('output_padding'),
    outputShape: c.attr<number[] | undefined>('output_shape'),
  }, c.node);
  return [x.length - 2, c.attr<number>('group'), ...kernel, ...win.strides, ...win.padsBegin, ...win.padsEnd, ...win.dilations];
};
