/**
 * The Gradient expansion checked against central finite differences of Σy computed by the interp on the
 * original forward graph (float64, so the difference quotient is accurate to ~1e-8).
 */
import { expect, test } from 'bun:test';
import interp from '../../src/backends/interp/index';
import { HoduError } from '../../src/errors';
import { emptyGraph, type Model, type Node } from '../../src/ir/graph';
import { fromNumbers, type Tensor, toNumbers } from '../../src/ir/tensor';
import { prepareModel } from '../../src/runtime/prepare';

const T = 'ai.onnx.preview.training';
const node = (op: string, inputs: string[], outputs: string[], attributes: Node['attributes'] = {}, domain = ''): Node => ({ name: `${op}_${outputs[0]}`, op, domain, inputs, outputs, attributes });

/** y = Σ-able expression of x [2,3] and w [3] (w broadcast over rows) through every op with a rule. */
function forward(): Node[] {
  return [
    node('Mul', ['x', 'w'], ['m']),
    node('Tanh', ['m'], ['t']),
    node('Sigmoid', ['x'], ['s']),
    node('Add', ['t', 's'], ['a']),
    node('Exp', ['w'], ['ew']),
    node('Div', ['a', 'ew'], ['d']),
    node('Sub', ['d', 'x'], ['u']),
    node('Relu', ['u'], ['r']),
    node('Sqrt', ['ew'], ['q']),
    node('Log', ['q'], ['l']),
    node('Mul', ['r', 'l'], ['y0']),
    node('MatMul', ['y0', 'k'], ['y']),
  ];
}

function model(nodes: Node[], outputs: string[]): Model {
  const f64 = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float64' as const, shape });
  const graph = { ...emptyGraph('g'), nodes, inputs: [{ name: 'x', type: f64([2, 3]) }, { name: 'w', type: f64([3]) }, { name: 'k', type: f64([3, 2]) }], outputs: outputs.map((name) => ({ name })) };
  return { irVersion: 8, opsetImports: [{ domain: '', version: 17 }, { domain: T, version: 1 }], metadata: {}, graph, functions: [] };
}

const X = [0.3, -0.7, 1.1, -0.2, 0.5, 0.9];
const W = [0.4, -1.2, 0.8];
const K = [0.5, -1, 2, 0.25, -0.5, 1.5];

async function run(m: Model, feeds: Record<string, number[]>): Promise<Map<string, Tensor>> {
  const shapes: Record<string, number[]> = { x: [2, 3], w: [3], k: [3, 2] };
  const session = await interp.createSession(prepareModel(m));
  return (await session.run(new Map(Object.entries(feeds).map(([k, v]) => [k, fromNumbers('float64', shapes[k]!, v)])))) as Map<string, Tensor>;
}

async function sumY(x: number[], w: number[]): Promise<number> {
  const out = await run(model(forward(), ['y']), { x, w, k: K });
  return Array.from(toNumbers(out.get('y')!)).reduce((a, b) => a + b, 0);
}

test('Gradient of Σy matches central finite differences, including a broadcast input', async () => {
  const grad = node('Gradient', ['x', 'w'], ['dx', 'dw'], { xs: { type: 'strings', value: ['x', 'w'] }, y: { type: 'string', value: 'y' } }, T);
  const out = await run(model([...forward(), grad], ['y', 'dx', 'dw']), { x: X, w: W, k: K });
  const dx = Array.from(toNumbers(out.get('dx')!));
  const dw = Array.from(toNumbers(out.get('dw')!));
  expect(out.get('dw')!.dims).toEqual([3]);
  const h = 1e-6;
  for (const [name, base, analytic] of [['x', X, dx], ['w', W, dw]] as const) {
    for (let i = 0; i < base.length; i++) {
      const plus = [...base];
      const minus = [...base];
      plus[i]! += h;
      minus[i]! -= h;
      const [fp, fm] = name === 'x' ? [await sumY(plus, W), await sumY(minus, W)] : [await sumY(X, plus), await sumY(X, minus)];
      expect(Math.abs(analytic[i]! - (fp - fm) / (2 * h))).toBeLessThan(1e-6);
    }
  }
});

test('an x that y does not depend on gets a zero gradient; an op without a rule is named', async () => {
  const grad = node('Gradient', ['x', 'k'], ['dx', 'dk'], { xs: { type: 'strings', value: ['x', 'k'] }, y: { type: 'string', value: 'm' } }, T);
  const out = await run(model([node('Mul', ['x', 'w'], ['m']), grad], ['dx', 'dk']), { x: X, w: W, k: K });
  expect(Array.from(toNumbers(out.get('dk')!))).toEqual([0, 0, 0, 0, 0, 0]);
  expect(Array.from(toNumbers(out.get('dx')!))).toEqual([...W, ...W]);
  const bad = node('Gradient', ['x'], ['dx'], { xs: { type: 'strings', value: ['x'] }, y: { type: 'string', value: 'c' } }, T);
  expect(() => prepareModel(model([node('Cos', ['x'], ['c']), bad], ['dx']))).toThrow(HoduError);
  expect(() => prepareModel(model([node('Cos', ['x'], ['c']), bad], ['dx']))).toThrow("cannot differentiate through Cos node 'Cos_c'");
});
