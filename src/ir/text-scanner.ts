import { HoduError } from '../errors';
import { isDType, type DType } from './dtype';
import type { Dim, ValueType } from './graph';
import { PLAIN_NAME_CHAR } from './printer';

/** Reads the tokens of one line of the IR text form (printer.ts); text-parser.ts puts the lines together. */
export class Scanner {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly lineNo: number,
  ) {}

  fail(what: string): never {
    throw new HoduError('E_GRAPH', `IR text line ${this.lineNo}: ${what} at column ${this.pos + 1}: ${this.text.trim()}`, {
      hint: 'the IR text form is what `hodu inspect --graph` prints (src/ir/printer.ts)',
    });
  }

  private skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  /** Skips blanks, then consumes `s` if it comes next. */
  eat(s: string): boolean {
    this.skip();
    if (!this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string): void {
    if (!this.eat(s)) this.fail(`expected '${s}'`);
  }

  peek(): string {
    this.skip();
    return this.text[this.pos] ?? '';
  }

  done(): boolean {
    return this.peek() === '';
  }

  end(): void {
    if (!this.done()) this.fail('unexpected text');
  }

  /** A run of characters matching `re`, one at a time. */
  private run(re: RegExp): string {
    this.skip();
    const start = this.pos;
    while (this.pos < this.text.length && re.test(this.text[this.pos]!)) this.pos++;
    return this.text.slice(start, this.pos);
  }

  word(): string {
    const w = this.run(/[\w.\-+]/);
    if (!w) this.fail('expected a word');
    return w;
  }

  string(): string {
    this.skip();
    const m = /^"(?:[^"\\]|\\.)*"/.exec(this.text.slice(this.pos));
    if (!m) this.fail('expected a string');
    this.pos += m[0].length;
    return JSON.parse(m[0]) as string;
  }

  /**
   * A value or graph name: plain characters or a JSON string. In a signature (`x: float32[2]`) the name runs up
   * to the `:` that is followed by a blank, so names such as `y:0` need no quotes.
   */
  name(inSignature = false): string {
    if (this.peek() === '"') return this.string();
    let n = this.run(PLAIN_NAME_CHAR);
    if (inSignature) {
      if (!n.endsWith(':')) this.fail(`expected ':' after the name '${n}'`);
      n = n.slice(0, -1);
      this.pos--;
    }
    if (!n) this.fail('expected a name');
    return n;
  }

  /** A number as written (int, float, NaN, ±Infinity), kept as text so the caller picks int, float or bigint. */
  numberText(): string {
    const n = this.run(/[\w.\-+]/);
    if (!/^-?(\d|NaN$|Infinity$)/.test(n) || Number.isNaN(Number(n)) !== (n === 'NaN')) this.fail(`expected a number, got '${n}'`);
    return n;
  }

  dtype(): DType {
    const d = this.word();
    if (!isDType(d)) this.fail(`unknown dtype '${d}'`);
    return d;
  }

  /** `[2,N,?]` (numbers are sizes, anything else a symbol), or `[*]` for an unknown rank. */
  shape(): Dim[] | undefined {
    this.expect('[');
    if (this.eat('*')) {
      this.expect(']');
      return undefined;
    }
    const dims: Dim[] = [];
    if (this.eat(']')) return dims;
    do {
      const d = this.run(/[^,\]]/).trim();
      dims.push(/^-?\d+$/.test(d) ? Number(d) : d);
    } while (this.eat(','));
    this.expect(']');
    return dims;
  }

  type(): ValueType | undefined {
    if (this.eat('?')) return undefined;
    for (const kind of ['seq', 'optional'] as const) {
      if (!this.eat(`${kind}<`)) continue;
      const elem = this.type() ?? this.fail(`${kind}<?> has no element type`);
      this.expect('>');
      return { kind: kind === 'seq' ? 'sequence' : 'optional', elem };
    }
    if (this.eat('map<')) {
      const key = this.dtype();
      this.expect(',');
      const value = this.type() ?? this.fail('map<…, ?> has no value type');
      this.expect('>');
      return { kind: 'map', key, value };
    }
    const dtype = this.dtype();
    return { kind: 'tensor', dtype, shape: this.shape() };
  }

  /** `[v, …]` with `item` reading each element. */
  list<T>(item: () => T): T[] {
    this.expect('[');
    const out: T[] = [];
    if (this.eat(']')) return out;
    do out.push(item());
    while (this.eat(','));
    this.expect(']');
    return out;
  }
}
