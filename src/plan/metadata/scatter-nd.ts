import { need, type Builder } from './context';

// Reductions in the order of the kernel's codes, each with the opset that introduced it.
const REDUCTIONS: [string, number][] = [['none', 11], ['add', 16], ['mul', 16], ['max', 18], ['min', 18]];

// ScatterND: [k, reduction] (k = indices' last dim; reduction 0 none, 1 add, 2 mul, 3 max, 4 min, or −1 for one
// this opset lacks, which a kernel refuses so that the interp reports it).
export const scatterNd: Builder = (c) => {
  const indices = need(c, 1);
  const name = c.attr<string>('reduction');
  const code = REDUCTIONS.findIndex(([r, since]) => r === name && c.opset >= since);
  return [indices[indices.length - 1] ?? 0, code];
};
