/**
 * Reads the IR text form that printer.ts writes, so that print → parse → print gives the same text and pass
 * tests can state their before and expected graphs as text. Tensor values that the text leaves out (the
 * default print, as `hodu inspect --graph` shows it) come back as zeros; with `printModel(m, { data: true })`
 * the text carries them, and the parsed model is the printed one. Not in the text, so not restored: model
 * metadata, docs, node names (a parsed node is named `<op>_<first output>`) and model-local functions.
 */
import { isBigDType } from './dtype';
import { emptyGraph, type Attribute, type Graph, type Model, type Node, type OpsetImport, type ValueInfo } from './graph';
import { normalizeDomain } from './op-id';
import { fromNumbers, Tensor } from './tensor';
import { Scanner } from './text-scanner';

interface Line {
  text: string;
  no: number;
}

/** Parses `model ir=… opsets=[…]` followed by the main graph. */
export function parseModel(text: string): Model {
  const lines = splitLines(text);
  const head = new Scanner(lines[0]?.text ?? '', lines[0]?.no ?? 1);
  head.expect('model');
  head.expect('ir=');
  const irVersion = Number(head.numberText());
  head.expect('opsets=');
  const opsetImports = head.list((): OpsetImport => {
    const domain = head.word();
    head.expect(':');
    return { domain: normalizeDomain(domain), version: Number(head.numberText()) };
  });
  head.end();
  const at = { i: 1 };
  const graph = parseGraphLines(lines, at);
  if (at.i < lines.length) new Scanner(lines[at.i]!.text, lines[at.i]!.no).fail('text after the main graph');
  return { irVersion, opsetImports, metadata: {}, graph, functions: [] };
}

function splitLines(text: string): Line[] {
  return text
    .split('\n')
    .map((t, i) => ({ text: t, no: i + 1 }))
    .filter((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
}

function parseGraphLines(lines: Line[], at: { i: number }): Graph {
  const line = lines[at.i] ?? { text: '', no: at.i + 1 };
  const s = new Scanner(line.text, line.no);
  s.expect('graph');
  const g = emptyGraph(s.name());
  const signature = (): ValueInfo[] => {
    s.expect('(');
    const out: ValueInfo[] = [];
    if (s.eat(')')) return out;
    do {
      const name = s.name(true);
      s.expect(':');
      out.push({ name, type: s.type() });
    } while (s.eat(','));
    s.expect(')');
    return out;
  };
  g.inputs = signature();
  s.expect('->');
  g.outputs = signature();
  s.expect('{');
  s.end();
  at.i++;
  for (;;) {
    const l = lines[at.i];
    if (!l) return new Scanner('', line.no).fail(`graph '${g.name}' has no closing '}'`);
    const body = new Scanner(l.text, l.no);
    at.i++;
    if (body.eat('}')) {
      body.end();
      return g;
    }
    if (body.eat('init ')) parseInit(body, g);
    else if (body.eat('info ')) {
      const name = body.name(true);
      body.expect(':');
      g.valueInfo.push({ name, type: body.type() });
      body.end();
    } else g.nodes.push(parseNode(body, lines, at, g.nodes.length));
  }
}

function parseInit(s: Scanner, g: Graph): void {
  const name = s.name(true);
  s.expect(':');
  const t = tensorLiteral(s);
  if (s.eat('(input)') && !g.inputs.some((i) => i.name === name)) g.inputs.push({ name, type: { kind: 'tensor', dtype: t.dtype, shape: [...t.dims] } });
  g.initializers.set(name, withData(s, t));
  s.end();
}

/** `float32[2,3]`: a tensor of that type, zero-filled. */
function tensorLiteral(s: Scanner): Tensor {
  const dtype = s.dtype();
  const dims = s.shape();
  if (!dims || dims.some((d) => typeof d !== 'number')) s.fail('a tensor needs a static shape');
  return new Tensor(dtype, dims as number[]);
}

/** The tensor with the values of an optional `= [v, …]` that follows. */
function withData(s: Scanner, t: Tensor): Tensor {
  if (!s.eat('=')) return t;
  if (t.dtype === 'string') return new Tensor('string', t.dims, s.list(() => s.string()));
  const values = s.list(() => s.numberText());
  if (values.length !== t.size) s.fail(`${t.size} values expected, got ${values.length}`);
  if (isBigDType(t.dtype)) {
    const big = values.map((v) => BigInt(v));
    return new Tensor(t.dtype, t.dims, t.dtype === 'int64' ? BigInt64Array.from(big) : BigUint64Array.from(big));
  }
  return fromNumbers(t.dtype, t.dims, values.map(Number));
}

function parseNode(s: Scanner, lines: Line[], at: { i: number }, index: number): Node {
  // `_` is an omitted input (a value really named `_` is printed quoted); `%` marks an intermediate value.
  const value = (): string => {
    if (s.eat('%')) return s.name();
    const quoted = s.peek() === '"';
    const n = s.name();
    return n === '_' && !quoted ? '' : n;
  };
  const outputs: string[] = [];
  do outputs.push(value());
  while (s.eat(','));
  s.expect('=');
  // `Op` or `domain::Op` (src/ir/op-id.ts, the one op-identity form).
  const first = s.word();
  const [domain, op] = s.eat('::') ? [normalizeDomain(first), s.word()] : ['', first];
  s.expect('(');
  const inputs: string[] = [];
  if (!s.eat(')')) {
    do inputs.push(value());
    while (s.eat(','));
    s.expect(')');
  }
  const attributes: Record<string, Attribute> = {};
  if (s.eat('{')) {
    do {
      const key = s.word();
      s.expect('=');
      attributes[key] = attribute(s);
    } while (s.eat(','));
    s.expect('}');
  }
  s.end();
  // Subgraph attributes follow the node line: `key:` then the graph; a key given twice is a list of graphs.
  for (let l = lines[at.i]; l && /^\s*[\w.-]+:\s*$/.test(l.text); l = lines[at.i]) {
    const key = l.text.trim().slice(0, -1);
    at.i++;
    const g = parseGraphLines(lines, at);
    const known = attributes[key];
    if (known?.type === 'graph') attributes[key] = { type: 'graphs', value: [known.value, g] };
    else if (known?.type === 'graphs') known.value.push(g);
    else attributes[key] = { type: 'graph', value: g };
  }
  return { name: `${op}_${outputs.find(Boolean) ?? index}`, op, domain, inputs, outputs, attributes };
}

function attribute(s: Scanner): Attribute {
  const c = s.peek();
  if (c === '"') return { type: 'string', value: s.string() };
  if (c === '@') {
    s.expect('@');
    return { type: 'ref', value: s.word() };
  }
  if (c === '[') return listAttribute(s);
  for (const kind of ['tensor', 'sparse_tensor'] as const) {
    if (!s.eat(`${kind}<`)) continue;
    const t = withData(s, tensorLiteral(s));
    s.expect('>');
    return { type: kind, value: t };
  }
  if (/[-\d]/.test(c) || c === 'N' || c === 'I') {
    const n = s.numberText();
    return isIntText(n) ? { type: 'int', value: Number(n) } : { type: 'float', value: Number(n) };
  }
  const t = s.type() ?? s.fail('an attribute type cannot be unknown');
  return { type: 'type_proto', value: t };
}

/** `[…]`: strings, tensors, or numbers (floats when any has a `.`, an exponent or is NaN/Infinity; `[]` is ints). */
function listAttribute(s: Scanner): Attribute {
  s.expect('[');
  const kind = s.peek() === '"' ? 'strings' : s.peek() === 't' ? 'tensors' : 'numbers';
  const items: (string | Tensor)[] = [];
  if (!s.eat(']')) {
    do {
      if (kind === 'strings') items.push(s.string());
      else if (kind === 'numbers') items.push(s.numberText());
      else {
        s.expect('tensor<');
        items.push(withData(s, tensorLiteral(s)));
        s.expect('>');
      }
    } while (s.eat(','));
    s.expect(']');
  }
  if (kind === 'strings') return { type: 'strings', value: items as string[] };
  if (kind === 'tensors') return { type: 'tensors', value: items as Tensor[] };
  const texts = items as string[];
  return texts.every(isIntText) ? { type: 'ints', value: texts.map(Number) } : { type: 'floats', value: texts.map(Number) };
}

const isIntText = (n: string) => /^-?\d+$/.test(n);
