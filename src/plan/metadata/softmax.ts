import { softmaxLayout } from '../../ops/_reduce';
import { need, type Builder } from './context';

// [outer, n, inner]: normalize over n elements spaced `inner` apart (the interp kernels' layout, shared).
export const softmax: Builder = (c) => {
  const { outer, axisLen, inner } = softmaxLayout(need(c, 0), c.opset, c.attr<number | undefined>('axis'), c.node);
  return [outer, axisLen, inner];
};
