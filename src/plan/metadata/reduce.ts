import { normalizeAxis } from '../../ir/axis';
import { need, type Builder } from './context';

// [rank, in_dims(rank), reduced(rank)]: reduced[i] is 1 when axis i is reduced, else 0 (keepdims shows in Y's
// dims). `axes` is an attribute before `axesInputSince` and an input from then on; an axes input's values
// are not known here, so with keepdims = 1 they are read off the shapes (an axis whose extent became 1;
// reducing a size-1 axis changes nothing) and with keepdims = 0 every flag is -1: a kernel reads the input at
// run time or refuses the step.
export function reduce(axesInputSince: number): Builder {
  return (c) => {
    const x = need(c, 0);
    const y = c.outputs[0]!;
    const rank = x.length;
    let axes: number[] | undefined;
    if (c.opset < axesInputSince) axes = c.attr<number[] | undefined>('axes') ?? [];
    else if (c.inputs[1] === undefined) axes = [];
    else if (c.attr<number>('keepdims') !== 0) axes = x.flatMap((d, i) => (y[i] === 1 && d !== 1 ? [i] : []));
    if (!axes) return [rank, ...x, ...x.map(() => -1)];
    if (axes.length === 0 && (c.opset < axesInputSince || c.inputs[1] === undefined)) {
      axes = c.attr<number>('noop_with_empty_axes') ? [] : [...x.keys()];
    }
    const set = new Set(axes.map((a) => normalizeAxis(a, rank, c.node)));
    return [rank, ...x, ...x.map((_, i) => (set.has(i) ? 1 : 0))];
  };
}
