import { expect, test } from 'bun:test';
import { fuseGelu } from '../../src/passes/fuse-gelu';
import { dedent, expectSameOutputs, f32, ir, text, values } from './passes-support/build';

const CONSTANTS = `
      init sqrt2: float32[] = [1.4142135381698608]
      init one: float32[] = [1]
      init half: float32[] = [0.5]
      init three: float32[] = [3]
      init c: float32[] = [0.044715]
      init k: float32[] = [0.7978845834732056]`;

const model = (body: string, outputs = 'y: ?') =>
  ir(`
    graph g (x: float32[B,5]) -> (${outputs}) {${CONSTANTS}
      ${body.trim().split('\n').map((l) => l.trim()).join('\n      ')}
    }`);

const ERF = `
  %q = Div(x, sqrt2)
  %e = Erf(%q)
  %a = Add(%e, one)`;
const TANH = `
  %x3 = Pow(x, three)
  %cx3 = Mul(c, %x3)
  %in = Add(x, %cx3)
  %sc = Mul(%in, k)
  %t = Tanh(%sc)
  %a = Add(one, %t)`;
// The three orders of x · A · 0.5 PyTorch's exports write.
const PRODUCTS = [
  '%xa = Mul(x, %a)\ny = Mul(%xa, half)',
  '%xh = Mul(half, x)\ny = Mul(%xh, %a)',
  '%ah = Mul(%a, half)\ny = Mul(x, %ah)',
];

const feeds = { x: f32([2, 5], values(10).map((v) => 4 * v)) };
const fusedText = (approximate: string) => dedent(`
  graph g (x: float32[B,5]) -> (y: ?) {
    init sqrt2: float32[]
    init one: float32[]
    init half: float32[]
    init three: float32[]
    init c: float32[]
    init k: float32[]
    y = Gelu(x) {approximate="${approximate}"}
  }`);

test('erf-GELU becomes Gelu(x), in each order of the 0.5 factor', () => {
  for (const product of PRODUCTS) {
    const before = model(`${ERF}\n${product}`);
    const after = fuseGelu.run(before);
    expect(text(after)).toBe(fusedText('none'));
    expectSameOutputs(before, after, feeds);
  }
});

test('tanh-GELU becomes Gelu(x) {approximate="tanh"}', () => {
  for (const product of PRODUCTS) {
    const before = model(`${TANH}\n${product}`);
    const after = fuseGelu.run(before);
    expect(text(after)).toBe(fusedText('tanh'));
    expectSameOutputs(before, after, feeds);
  }
});

test('left alone: an intermediate read twice or a graph output, an exponent other than 3 in the tanh form, x/0.5 instead of x/√2', () => {
  const cases = [
    model(`${ERF}\n${PRODUCTS[0]}\nz = Neg(%e)`, 'y: ?, z: ?'),
    model(`${ERF.replace('%a = Add(%e, one)', 'a = Add(%e, one)')}\n${PRODUCTS[0]!.replace('%a', 'a')}`, 'y: ?, a: ?'),
    model(`${TANH.replace('Pow(x, three)', 'Pow(x, c)')}\n${PRODUCTS[1]}`),
    model(`${ERF.replace('sqrt2', 'half')}\n${PRODUCTS[2]}`),
  ];
  for (const m of cases) expect(fuseGelu.run(m)).toBe(m);
});
