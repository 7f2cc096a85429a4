import { isBigDType } from './dtype';
import type { Attribute, Graph, Model, ValueType } from './graph';
import { domainDisplayName, opId } from './op-id';
import { isSubgraphAttr, namedSubgraphs } from './subgraphs';
import { shapeToString, toNumbers, type Tensor } from './tensor';

/**
 * Text form of the IR, used by `hodu inspect --graph` and by pass tests (before/after pairs); text-parser.ts
 * reads it back:
 *
 *   model ir=8 opsets=[ai.onnx:17]
 *   graph main (x: float32[N,4]) -> (y: float32[N,2]) {
 *     init w: float32[4,2]
 *     %h = MatMul(x, w)
 *     y = LeakyRelu(%h) {alpha=0.1, axis=1, mode="max"}
 *   }
 * Intermediate values are prefixed with `%`; subgraphs are printed nested under `attribute:`; a name other than
 * plain characters is a JSON string; a float attribute always has a `.` (1.0), so it reads back as a float.
 * By default tensor values are left out (inspect shows the structure; the parser fills zeros). With `data`,
 * initializer and tensor-attribute values (`= [..]`), the value_info types (`info`) and which initializers are
 * also graph inputs (`(input)`) are printed too, so that the text parses back to the same model.
 */
interface PrintOptions {
  data?: boolean;
}

export function printModel(model: Model, options: PrintOptions = {}): string {
  const opsets = model.opsetImports.map((o) => `${domainDisplayName(o.domain)}:${o.version}`).join(', ');
  return `model ir=${model.irVersion} opsets=[${opsets}]\n${printGraph(model.graph, '', options)}`;
}

export function printGraph(g: Graph, indent = '', options: PrintOptions = {}): string {
  const io = new Set([...g.inputs.map((i) => i.name), ...g.outputs.map((o) => o.name), ...g.initializers.keys()]);
  const ref = (n: string) => (n === '' ? '_' : io.has(n) ? printName(n) : `%${printName(n)}`);
  const sig = (list: Graph['inputs']) => list.map((v) => `${printName(v.name)}: ${printType(v.type)}`).join(', ');
  const lines = [`${indent}graph ${printName(g.name)} (${sig(g.inputs.filter((i) => !g.initializers.has(i.name)))}) -> (${sig(g.outputs)}) {`];
  const inputs = new Set(g.inputs.map((i) => i.name));
  for (const [name, t] of g.initializers) {
    const marks = options.data ? `${inputs.has(name) ? ' (input)' : ''}${printData(t)}` : '';
    lines.push(`${indent}  init ${printName(name)}: ${t.dtype}${shapeToString(t.dims)}${marks}`);
  }
  if (options.data) for (const v of g.valueInfo) lines.push(`${indent}  info ${printName(v.name)}: ${printType(v.type)}`);
  for (const n of g.nodes) {
    const attrs = Object.entries(n.attributes).filter(([, a]) => !isSubgraphAttr(a));
    const attrText = attrs.length ? ` {${attrs.map(([k, a]) => `${k}=${printAttr(a, options)}`).join(', ')}}` : '';
    const op = opId(n.domain, n.op);
    lines.push(`${indent}  ${n.outputs.map(ref).join(', ')} = ${op}(${n.inputs.map(ref).join(', ')})${attrText}`);
    for (const [k, sg] of namedSubgraphs(n)) lines.push(`${indent}    ${k}:`, printGraph(sg, `${indent}    `, options));
  }
  lines.push(`${indent}}`);
  return lines.join('\n');
}

function printType(t: ValueType | undefined): string {
  if (!t) return '?';
  switch (t.kind) {
    case 'tensor':
      return `${t.dtype}${t.shape ? shapeToString(t.shape) : '[*]'}`;
    case 'sequence':
      return `seq<${printType(t.elem)}>`;
    case 'optional':
      return `optional<${printType(t.elem)}>`;
    case 'map':
      return `map<${t.key},${printType(t.value)}>`;
  }
}

/** Characters a name may have unquoted; the rest are the format's own punctuation (and `%`, `_` alone). */
export const PLAIN_NAME_CHAR = /[^\s,()[\]{}="%<>]/;
const PLAIN_NAME = new RegExp(`^${PLAIN_NAME_CHAR.source}+$`);

/** A value or graph name: as is when plain, else a JSON string (also `_`, which marks an omitted input). */
function printName(name: string): string {
  return PLAIN_NAME.test(name) && name !== '_' && !name.endsWith(':') ? name : JSON.stringify(name);
}

/** A float with a `.` or an exponent, so that it does not read back as an int. */
function printFloat(v: number): string {
  if (Object.is(v, -0)) return '-0.0';
  const s = String(v);
  return Number.isFinite(v) && !/[.e]/.test(s) ? `${s}.0` : s;
}

function printTensor(kind: string, t: Tensor, options: PrintOptions): string {
  return `${kind}<${t.dtype}${shapeToString(t.dims)}${options.data ? printData(t) : ''}>`;
}

function printData(t: Tensor): string {
  if (t.dtype === 'string') return ` = [${(t.data as string[]).map((s) => JSON.stringify(s)).join(',')}]`;
  const values: ArrayLike<number | bigint> = isBigDType(t.dtype) ? (t.data as BigInt64Array) : toNumbers(t);
  return ` = [${Array.from(values, (v) => (Object.is(v, -0) ? '-0' : String(v))).join(',')}]`;
}

function printAttr(a: Attribute, options: PrintOptions): string {
  switch (a.type) {
    case 'float':
      return printFloat(a.value);
    case 'int':
      return String(a.value);
    case 'string':
      return JSON.stringify(a.value);
    case 'floats':
      return `[${a.value.map(printFloat).join(',')}]`;
    case 'ints':
      return `[${a.value.join(',')}]`;
    case 'strings':
      return `[${a.value.map((s) => JSON.stringify(s)).join(',')}]`;
    case 'tensor':
    case 'sparse_tensor':
      return printTensor(a.type, a.value, options);
    case 'tensors':
      return `[${a.value.map((t) => printTensor('tensor', t, options)).join(',')}]`;
    case 'type_proto':
      return printType(a.value);
    case 'ref':
      return `@${a.value}`;
    default:
      return a.type;
  }
}
