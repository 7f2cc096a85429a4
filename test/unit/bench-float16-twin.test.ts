/**
 * The bench's float16 twins (test/bench/float16-twin.ts): every float32 weight, input, output and Cast-to-float
 * becomes float16, the spec's float32-only inputs (Resize's scales) stay float32, and the twin computes what the
 * float32 model does within float16 rounding (both on the interp).
 */
import { expect, test } from 'bun:test';
import { Executor } from '../../src/backends/interp/executor';
import type { Model, Node } from '../../src/ir/graph';
import { fromNumbers, toNumbers, type Tensor } from '../../src/ir/tensor';
import { float16Twin } from '../bench/float16-twin';
import { buildModel } from '../e2e/hodu';
import { buildMobilenet } from '../models/mobilenet';
import { compareTensor } from '../ops/harness';

const run = (m: Model, feeds: Record<string, Tensor>) => new Executor(m).run(new Map(Object.entries(feeds))) as Map<string, Tensor>;
const image = (dtype: 'float32' | 'float16') => fromNumbers(dtype, [1, 3, 32, 32], Array.from({ length: 3072 }, (_, i) => Math.sin(i) * 0.9));

test('mobilenet.onnx and its float16 twin compute the same logits within float16 rounding', () => {
  const m = buildMobilenet();
  const twin = float16Twin(m);
  expect([...twin.graph.initializers.values()].every((t) => t.dtype === 'float16')).toBe(true);
  expect(twin.graph.inputs.map((v) => v.type?.kind === 'tensor' && v.type.dtype)).toEqual(['float16']);
  const want = run(m, { image: image('float32') }).get('logits')!;
  const got = run(twin, { image: image('float16') }).get('logits')!;
  expect(got.dtype).toBe('float16');
  const wide = fromNumbers('float32', [...got.dims], Array.from(toNumbers(got)));
  expect(compareTensor(wide, want, 5e-3, 1e-3)).toBeNull();
});

test('Resize keeps float32 scales; Cast to float becomes Cast to float16', () => {
  const node = (op: string, inputs: string[], outputs: string[], attributes: Node['attributes'] = {}): Node => ({ name: outputs[0]!, op, domain: '', inputs, outputs, attributes });
  const f32 = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });
  const m = buildModel({
    nodes: [node('Resize', ['x', '', 'scales'], ['r'], { mode: { type: 'string', value: 'nearest' } }), node('Cast', ['r'], ['y'], { to: { type: 'int', value: 1 } })],
    inputs: [{ name: 'x', type: f32([1, 1, 2, 2]) }],
    outputs: [{ name: 'y', type: f32([1, 1, 4, 4]) }],
    initializers: new Map([['scales', fromNumbers('float32', [4], [1, 1, 2, 2])]]),
  });
  const twin = float16Twin(m);
  expect(twin.graph.initializers.get('scales')!.dtype).toBe('float32');
  expect(twin.graph.nodes[1]!.attributes.to).toEqual({ type: 'int', value: 10 });
  const y = run(twin, { x: fromNumbers('float16', [1, 1, 2, 2], [1, 2, 3, 4]) }).get('y')!;
  expect([y.dtype, Array.from(toNumbers(y))]).toEqual(['float16', [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]]);
});
