/**
 * A bounded parser for the Python literal subset that .npy headers use: dicts, tuples, lists, strings,
 * integers, True/False/None. numpy writes the header with `repr` and reads it with `ast.literal_eval`;
 * this accepts the same shapes without evaluating anything.
 */
type PyValue = string | number | boolean | null | PyValue[] | PyTuple | Map<string, PyValue>;

/** A Python tuple, kept apart from lists because `shape` must be a tuple. */
export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}

export class PyLiteralError extends Error {}

const MAX_DEPTH = 16;

export function parsePyLiteral(text: string): PyValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new PyLiteralError(`${what} at character ${i} of the header`);
  };
  const skipSpace = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const expect = (ch: string): void => {
    skipSpace();
    if (text[i] !== ch) fail(`expected '${ch}'`);
    i++;
  };

  const parseString = (): string => {
    const quote = text[i++]!;
    let s = '';
    while (i < text.length && text[i] !== quote) {
      const c = text[i++]!;
      if (c === '\n') fail('newline inside a string');
      if (c !== '\\') {
        s += c;
        continue;
      }
      const e = text[i++];
      if (e === undefined) break;
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"' };
      if (simple[e] !== undefined) s += simple[e];
      else if (e === 'x' || e === 'u') {
        const len = e === 'x' ? 2 : 4;
        const hex = text.slice(i, i + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) fail('bad escape');
        s += String.fromCharCode(parseInt(hex, 16));
        i += len;
      } else fail(`unsupported escape '\\${e}'`);
    }
    if (text[i] !== quote) fail('unterminated string');
    i++;
    return s;
  };

  // Items of a tuple/list/dict up to `close`, allowing a trailing comma as Python does.
  const parseSeq = <T>(close: string, item: () => T): { items: T[]; trailingComma: boolean } => {
    const items: T[] = [];
    let trailingComma = false;
    for (;;) {
      skipSpace();
      if (text[i] === close) break;
      items.push(item());
      skipSpace();
      trailingComma = text[i] === ',';
      if (trailingComma) i++;
      else if (text[i] !== close) fail(`expected ',' or '${close}'`);
    }
    i++;
    return { items, trailingComma };
  };

  const parseValue = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skipSpace();
    const c = text[i];
    if (c === undefined) fail('unexpected end');
    if (c === "'" || c === '"') return parseString();
    if (c === '{') {
      i++;
      const map = new Map<string, PyValue>();
      parseSeq('}', () => {
        skipSpace();
        if (text[i] !== "'" && text[i] !== '"') fail('dict keys must be strings');
        const key = parseString();
        expect(':');
        if (map.has(key)) fail(`duplicate key '${key}'`);
        map.set(key, parseValue(depth + 1));
      });
      return map;
    }
    if (c === '(') {
      i++;
      const { items, trailingComma } = parseSeq(')', () => parseValue(depth + 1));
      // `(3)` is just 3 in Python; only `(3,)` is a tuple.
      if (items.length === 1 && !trailingComma) return items[0]!;
      return new PyTuple(items);
    }
    if (c === '[') {
      i++;
      return parseSeq(']', () => parseValue(depth + 1)).items;
    }
    const word = /^(True|False|None|[+-]?\d+L?)/.exec(text.slice(i, i + 40));
    if (!word) fail(`unexpected character '${c}'`);
    const w = word![0];
    i += w.length;
    if (w === 'True') return true;
    if (w === 'False') return false;
    if (w === 'None') return null;
    // Python 2 numpy wrote long dims as `3L`.
    const digits = w.endsWith('L') ? w.slice(0, -1) : w;
    const n = Number(digits);
    if (!Number.isSafeInteger(n)) fail(`integer ${digits} is out of range`);
    return n;
  };

  const value = parseValue(0);
  skipSpace();
  if (i !== text.length) fail('trailing characters');
  return value;
}
