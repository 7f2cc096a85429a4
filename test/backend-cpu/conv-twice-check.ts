/**
 * Child of conv-prepacked.test.ts (run in its own process, so HODU_CPU_ISA picks the micro-kernel, whose A
 * panel layout the prepacked weights follow): loads backend-cpu from argv[2], creates one session of convs
 * with constant weights, runs it twice on different inputs and prints, per run and output, whether it
 * equals the interp. A second run reading weights that the first clobbered (or packed for another ISA)
 * would differ.
 */
import { loadBackend } from '../../src/backends/registry';
import type { Attribute, Node } from '../../src/ir/graph';
import type { Tensor } from '../../src/ir/tensor';
import { compareTensor } from '../ops/harness';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import { prepareModel } from '../../src/runtime/prepare';
import { createRunSession } from '../../src/runtime/run-model';
import { buildModel } from '../e2e/hodu';
import { ATOL, RTOL, randomValues } from './support';

const ints = (...value: number[]): Attribute => ({ type: 'ints', value });
const conv = (name: string, inputs: string[], out: string, attributes: Record<string, Attribute> = {}): Node =>
  ({ name, op: 'Conv', domain: '', inputs, outputs: [out], attributes });
const f32 = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });

// 3×3 grouped with bias; 1×1 (X itself as B) with more filters than one MC block (168); K = 48·9 = 432 over
// one KC block (384), strided: every way a prepacked panel is addressed.
const model = prepareModel(buildModel({
  nodes: [
    conv('c1', ['x', 'w1', 'b1'], 'y1', { pads: ints(1, 1, 1, 1), group: { type: 'int', value: 2 } }),
    conv('c2', ['x', 'w2'], 'y2'),
    conv('c3', ['x3', 'w3'], 'y3', { strides: ints(2, 1) }),
  ],
  inputs: [{ name: 'x', type: f32([2, 16, 13, 11]) }, { name: 'x3', type: f32([1, 48, 9, 12]) }],
  outputs: [{ name: 'y1', type: f32([2, 12, 13, 11]) }, { name: 'y2', type: f32([2, 200, 13, 11]) }, { name: 'y3', type: f32([1, 20, 4, 10]) }],
  initializers: new Map<string, Tensor>([
    ['w1', randomValues([12, 8, 3, 3])], ['b1', randomValues([12])], ['w2', randomValues([200, 16, 1, 1])], ['w3', randomValues([20, 48, 3, 3])],
  ]),
}));

const lib = process.argv[2]!;
const threads = Number(process.argv[3] ?? '1');
const cpu = loadNativeBackend(lib, probeNativeLibrary(lib, 'cpu'), { isolate: false });
const { session } = await createRunSession(model, cpu, { threads });
const interp = await (await loadBackend('interp')).createSession(model, {});
for (const run of [1, 2]) {
  const feeds = new Map([['x', randomValues([2, 16, 13, 11])], ['x3', randomValues([1, 48, 9, 12])]]);
  const got = await session.run(feeds), want = await interp.run(feeds);
  for (const name of ['y1', 'y2', 'y3']) {
    // sums of up to 432 products: atol scaled like shared-pool.test.ts's
    const problem = compareTensor(got.get(name) as Tensor, want.get(name) as Tensor, RTOL, 10 * ATOL);
    console.log(`run ${run} ${name}: ${problem ?? 'equal'}`);
  }
}
session.dispose?.();
