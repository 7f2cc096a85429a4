/**
 * A tensor as numpy's `print(arr)` shows it (numpy/core/arrayprint.py with its default options: linewidth
 * 75, threshold 1000, edgeitems 3, precision 8): summarized with `...` beyond 1000 elements, rows wrapped at
 * the line width, floats as in float-format.ts. Only the elements that are shown are read and formatted, so a
 * preview of a huge output stays cheap.
 */
import { isBigDType, isFloatDType } from '../../ir/dtype';
import { bfloatToFloat, halfToFloat } from '../../ir/float16';
import type { Tensor } from '../../ir/tensor';
import { floatFormatter, formatFloatScalar, maxOf } from './float-format';

const DEFAULT_LINE_WIDTH = 75;
const EDGE_ITEMS = 3;
const THRESHOLD = 1000;

interface PreviewOptions {
  /** Characters per line (numpy's linewidth); the CLI passes the terminal's width when stdout is one. */
  lineWidth?: number;
}

type Element = number | bigint | string;

/** The terminal's width when stdout is one (numpy itself stays at 75; a terminal shows what fits), else 75. */
export function terminalLineWidth(): number {
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : DEFAULT_LINE_WIDTH;
}

export function previewTensor(t: Tensor, opts: PreviewOptions = {}): string {
  const lineWidth = opts.lineWidth ?? DEFAULT_LINE_WIDTH;
  if (t.dims.length === 0) return formatScalar(t, element(t, 0));
  if (t.size === 0) return '[]';
  const strides = t.dims.map((_, i) => t.dims.slice(i + 1).reduce((a, b) => a * b, 1));
  const summarize = t.size > THRESHOLD;
  // Indices shown along an axis: all, or the first and last EDGE_ITEMS around a -1 marking '...'.
  const picksOf = (n: number): number[] => (summarize && n > 2 * EDGE_ITEMS ? [...range(0, EDGE_ITEMS), -1, ...range(n - EDGE_ITEMS, n)] : range(0, n));
  const shown: number[] = [];
  const collect = (axis: number, offset: number) => {
    if (axis === t.dims.length) return void shown.push(offset);
    for (const i of picksOf(t.dims[axis]!)) if (i >= 0) collect(axis + 1, offset + i * strides[axis]!);
  };
  collect(0, 0);
  const format = formatterFor(t, shown.map((i) => element(t, i)));

  // numpy's _formatArray: a hanging indent of one space per open bracket, rows wrapped so that a line with
  // its closing bracket fits in the width, blank lines between blocks of higher axes.
  const render = (axis: number, offset: number, indent: string, width: number): string => {
    const picks = picksOf(t.dims[axis]!);
    const axesLeft = t.dims.length - axis;
    let s = '';
    if (axesLeft === 1) {
      const elemWidth = width - 1; // room for ']'
      let line = indent;
      const extend = (word: string) => {
        // Wrapping a line that holds only the indent would not help.
        if (line.length + word.length > elemWidth && line.length > indent.length) {
          s += `${line.trimEnd()}\n`;
          line = indent;
        }
        line += word;
      };
      picks.forEach((i, k) => {
        extend(i < 0 ? '...' : format(element(t, offset + i)));
        if (k < picks.length - 1) line += ' ';
      });
      s += line;
    } else {
      const sep = '\n'.repeat(axesLeft - 1);
      s = picks
        .map((i) => indent + (i < 0 ? '...' : render(axis + 1, offset + i * strides[axis]!, `${indent} `, width - 1)))
        .join(sep);
    }
    return `[${s.slice(indent.length)}]`;
  };
  return render(0, 0, ' ', lineWidth);
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, i) => a + i);
}

/** One element as a JS value: floats decoded, 64-bit integers exact, strings as stored. */
function element(t: Tensor, i: number): Element {
  const v = t.data[i]!;
  if (t.dtype === 'float16') return halfToFloat(v as number);
  if (t.dtype === 'bfloat16') return bfloatToFloat(v as number);
  return v;
}

/** numpy's per-dtype formatters, fitted to the shown elements so that columns line up. */
function formatterFor(t: Tensor, values: Element[]): (v: Element) => string {
  if (t.dtype === 'string') return (v) => pythonRepr(String(v));
  // ' True' and 'False' have the same width.
  if (t.dtype === 'bool') return (v) => (v ? ' True' : 'False');
  if (isFloatDType(t.dtype)) {
    const fmt = floatFormatter(t.dtype, values as number[]);
    return (v) => fmt(v as number);
  }
  const width = maxOf(values, (v) => String(v).length);
  return (v) => String(v).padStart(width);
}

/** A 0-d tensor prints as numpy prints its scalar: 2.0, 0.1, 1e-05, True, 7, abc. */
function formatScalar(t: Tensor, v: Element): string {
  if (t.dtype === 'bool') return v ? 'True' : 'False';
  if (t.dtype === 'string' || isBigDType(t.dtype) || !isFloatDType(t.dtype)) return String(v);
  return formatFloatScalar(t.dtype, v as number);
}

/**
 * Python's repr of a str: single quotes unless the text has a ' and no ". Other control characters come out as
 * \xNN as Python writes them, so a string value holding a terminal escape sequence prints as text instead of
 * driving the terminal.
 */
function pythonRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
}
