import { poolWindow } from '../../ops/_pool';
import { need, type Builder } from './context';

// [s, kernel(s), strides(s), pads_begin(s), pads_end(s), dilations(s), flag]: the window geometry the schema's
// shape inference and the interp kernels use (auto_pad resolved into pads; ceil_mode shows in Y's dims).
function pool(flag: string): Builder {
  return (c) => {
    const x = need(c, 0);
    const win = poolWindow(x.slice(2), c.attr, c.node);
    return [x.length - 2, ...win.kernel, ...win.strides, ...win.padsBegin, ...win.padsEnd, ...win.dilations, c.attr<number>(flag)];
  };
}

// flag = storage_order (it orders the Indices output only).
export const maxPool: Builder = pool('storage_order');
// flag = count_include_pad.
export const averagePool: Builder = pool('count_include_pad');
