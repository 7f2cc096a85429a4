import { expect, test } from 'bun:test';
import { Executor } from '../../src/backends/interp/executor';
import type { Attribute, Model } from '../../src/ir/graph';
import { fromNumbers, Tensor, toNumbers } from '../../src/ir/tensor';

// ONNX fixes no random stream, so the random ops are checked by their properties: seeded runs repeat,
// and large draws match the distribution's moments (bounds are several standard errors wide).
function run(op: string, attributes: Record<string, Attribute>, inputs: Tensor[] = [], outputs = 1, opset = 17): Tensor[] {
  const names = inputs.map((_, i) => `in${i}`);
  const outs = Array.from({ length: outputs }, (_, i) => `out${i}`);
  const model: Model = {
    irVersion: 8,
    opsetImports: [{ domain: '', version: opset }],
    metadata: {},
    graph: {
      name: 'g',
      nodes: [{ name: 'n', op, domain: '', inputs: names, outputs: outs, attributes }],
      inputs: names.map((name, i) => ({ name, type: { kind: 'tensor', dtype: inputs[i]!.dtype, shape: inputs[i]!.dims.slice() } })),
      outputs: outs.map((name) => ({ name })),
      valueInfo: [],
      initializers: new Map(),
    },
    functions: [],
  };
  const result = new Executor(model).run(new Map(names.map((n, i) => [n, inputs[i]!])));
  return outs.map((n) => result.get(n) as Tensor);
}

const shape = (dims: number[]): Attribute => ({ type: 'ints', value: dims });
const float = (value: number): Attribute => ({ type: 'float', value });
const mean = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0) / v.length;

test('a seed makes RandomUniform repeatable; another seed changes the draw', () => {
  const a = toNumbers(run('RandomUniform', { shape: shape([64]), seed: float(7) })[0]!);
  const b = toNumbers(run('RandomUniform', { shape: shape([64]), seed: float(7) })[0]!);
  const c = toNumbers(run('RandomUniform', { shape: shape([64]), seed: float(8) })[0]!);
  expect(Array.from(a)).toEqual(Array.from(b));
  expect(Array.from(a)).not.toEqual(Array.from(c));
});

test('RandomUniform stays in [low, high) with the right mean', () => {
  const v = toNumbers(run('RandomUniform', { shape: shape([20000]), low: float(-2), high: float(4), seed: float(1) })[0]!);
  expect(Math.min(...v)).toBeGreaterThanOrEqual(-2);
  expect(Math.max(...v)).toBeLessThan(4);
  expect(Math.abs(mean(v) - 1)).toBeLessThan(0.1); // sd of the mean: 6/sqrt(12)/sqrt(20000) ~ 0.012
});

test('RandomNormal has the requested mean and scale', () => {
  const v = toNumbers(run('RandomNormal', { shape: shape([20000]), mean: float(5), scale: float(2), seed: float(3) })[0]!);
  const m = mean(v);
  const sd = Math.sqrt(mean(Array.from(v, (x) => (x - m) ** 2)));
  expect(Math.abs(m - 5)).toBeLessThan(0.1);
  expect(Math.abs(sd - 2)).toBeLessThan(0.1);
});

test('Bernoulli draws ones with the given probability', () => {
  const p = fromNumbers('float32', [20000], new Float32Array(20000).fill(0.3));
  const v = toNumbers(run('Bernoulli', { seed: float(4) }, [p], 1, 15)[0]!);
  expect(Array.from(v).every((x) => x === 0 || x === 1)).toBe(true);
  expect(Math.abs(mean(v) - 0.3)).toBeLessThan(0.02);
});

test('Multinomial samples classes by softmax probability', () => {
  const logits = fromNumbers('float32', [1, 2], [Math.log(0.2), Math.log(0.8)]);
  const v = toNumbers(run('Multinomial', { sample_size: { type: 'int', value: 20000 }, seed: float(5) }, [logits])[0]!);
  expect(Math.abs(mean(v) - 0.8)).toBeLessThan(0.02);
});

test('training Dropout zeroes about `ratio` of the elements and scales the rest by 1/(1-ratio)', () => {
  const n = 20000;
  const x = fromNumbers('float32', [n], new Float32Array(n).fill(3));
  const [y, mask] = run('Dropout', { seed: { type: 'int', value: 0 } }, [x, fromNumbers('float32', [], [0.25]), fromNumbers('bool', [], [1])], 2, 13);
  const yv = toNumbers(y!);
  const mv = mask!.data as Uint8Array;
  expect(mask!.dtype).toBe('bool');
  for (let i = 0; i < n; i++) expect(yv[i]).toBe(mv[i] ? 4 : 0);
  expect(Math.abs(mean(mv) - 0.75)).toBeLessThan(0.02);
});
