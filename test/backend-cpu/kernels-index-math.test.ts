/**
 * backend-cpu's CumSum, Trilu and int64/int32 Add/Sub/Mul/Div (src/cum-sum.c, trilu.c, binary-int.c) against
 * the interp, on graph inputs (so nothing is folded before the plugin): every CumSum attribute pair at every
 * axis (negative, int32 axis), Trilu upper/lower with k inside, at and past the matrix, absent or fed at run
 * time, over float32/int64/int32/bool; integer arithmetic with broadcasting, negative operands, zero divisors
 * and wrap-around at the int64/int32 limits. Every node must run on cpu (none may fall back).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { loadBackend } from '../../src/backends/registry';
import type { DType } from '../../src/ir/dtype';
import type { Node, ValueInfo } from '../../src/ir/graph';
import { fromNumbers, Tensor } from '../../src/ir/tensor';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import { prepareModel } from '../../src/runtime/prepare';
import { createRunSession } from '../../src/runtime/run-model';
import { mulberry32 } from '../../src/util/prng';
import { buildModel, tempDir } from '../e2e/hodu';
import { compareTensor } from '../ops/harness';
import { describeWithTools } from '../support/optional-tools';
import { buildCpuLibrary, int } from './support';

const rand = mulberry32(4242);
/** Random values of `dtype`: floats in [-2, 2), integers in [-9, 9], bools half true. */
function feed(dtype: DType, dims: number[]): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  const v = Array.from({ length: n }, () => (dtype.startsWith('float') ? rand() * 4 - 2 : dtype === 'bool' ? (rand() < 0.5 ? 1 : 0) : Math.floor(rand() * 19) - 9));
  return fromNumbers(dtype, dims, v);
}

interface Graph {
  nodes: Node[];
  inputs: ValueInfo[];
  feeds: Map<string, Tensor>;
}
function graphOf(): Graph & { input(dtype: DType, t: Tensor): string; node(op: string, ins: string[], attrs?: Node['attributes']): void } {
  const g: Graph = { nodes: [], inputs: [], feeds: new Map() };
  return {
    ...g,
    input(dtype, t) {
      const name = `in${g.inputs.length}`;
      g.inputs.push({ name, type: { kind: 'tensor', dtype, shape: [...t.dims] } });
      g.feeds.set(name, t);
      return name;
    },
    node(op, ins, attrs = {}) {
      g.nodes.push({ name: `${op.toLowerCase()}_${g.nodes.length}`, op, domain: '', inputs: ins, outputs: [`out${g.nodes.length}`], attributes: attrs });
    },
    get nodes() { return g.nodes; },
    get inputs() { return g.inputs; },
    get feeds() { return g.feeds; },
  };
}

describeWithTools(['cc'], 'backend-cpu CumSum, Trilu and integer arithmetic', () => {
  const t = tempDir('hodu-index-math-');
  let lib = '';
  beforeAll(() => {
    lib = buildCpuLibrary(t.dir);
  });
  afterAll(() => t.cleanup());

  async function expectLikeInterp(g: ReturnType<typeof graphOf>, opset: number): Promise<void> {
    const outputs = g.nodes.map((n) => ({ name: n.outputs[0]! }));
    const model = prepareModel(buildModel({ nodes: g.nodes, inputs: g.inputs, outputs, opset }), 0);
    const cpu = loadNativeBackend(lib, probeNativeLibrary(lib, 'cpu'), { isolate: false });
    const { session, partitioned } = await createRunSession(model, cpu, { threads: 1 });
    const got = await session.run(new Map(g.feeds));
    expect(partitioned!.explain()!.fallbacks).toEqual([]);
    expect(partitioned!.explain()!.partitions.map((p) => p.backend)).toEqual(['cpu']);
    const want = await (await (await loadBackend('interp')).createSession(model, {})).run(new Map(g.feeds));
    const problems = g.nodes.flatMap((n) => {
      const p = compareTensor(got.get(n.outputs[0]!) as Tensor, want.get(n.outputs[0]!) as Tensor, 1e-6, 1e-6);
      return p ? [`${n.name} ${JSON.stringify(n.attributes)}: ${p}`] : [];
    });
    expect(problems).toEqual([]);
  }

  test('CumSum: float32/float64/int64/int32, every axis, exclusive × reverse, int64 and int32 axis inputs', async () => {
    const g = graphOf();
    const cases: [DType, number[]][] = [['float32', [3, 4, 5]], ['float64', [4, 3]], ['int64', [2, 6]], ['int32', [7]], ['float32', [1, 33]]];
    for (const [dtype, dims] of cases) {
      const x = g.input(dtype, feed(dtype, dims));
      for (let axis = -dims.length; axis < dims.length; axis++) {
        for (const [exclusive, reverse] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
          const axisType: DType = (axis + exclusive) % 2 ? 'int32' : 'int64';
          g.node('CumSum', [x, g.input(axisType, fromNumbers(axisType, [], [axis]))], { exclusive: int(exclusive!), reverse: int(reverse!) });
        }
      }
    }
    await expectLikeInterp(g, 14);
  });

  test('Trilu: upper and lower, k absent, inside, on and past the matrix, fed at run time; float32/int64/int32/bool', async () => {
    const g = graphOf();
    for (const [dtype, dims] of [['float32', [2, 3, 5, 4]], ['int64', [4, 4]], ['int32', [3, 7]], ['bool', [2, 5, 3]], ['float32', [1, 1]]] as [DType, number[]][]) {
      const x = g.input(dtype, feed(dtype, dims));
      for (const upper of [0, 1]) {
        g.node('Trilu', [x], { upper: int(upper) });
        for (const k of [-100, -3, -1, 0, 1, 2, 4, 100]) g.node('Trilu', [x, g.input('int64', fromNumbers('int64', [], [k]))], { upper: int(upper) });
      }
    }
    await expectLikeInterp(g, 14);
  });

  test('int64 and int32 Add/Sub/Mul/Div: broadcasting, negatives, zero divisors, wrap-around at the limits', async () => {
    const g = graphOf();
    for (const dtype of ['int64', 'int32'] as const) {
      const a = g.input(dtype, feed(dtype, [3, 1, 5]));
      const b = g.input(dtype, feed(dtype, [4, 1])); // values in [-9, 9]: zero divisors included
      const max = dtype === 'int64' ? 2n ** 63n - 1n : 2n ** 31n - 1n;
      const limits = g.input(dtype, new Tensor(dtype, [4], dtype === 'int64' ? BigInt64Array.from([max, -max - 1n, -7n, 7n]) : Int32Array.from([Number(max), Number(-max - 1n), -7, 7])));
      const signs = g.input(dtype, new Tensor(dtype, [4], dtype === 'int64' ? BigInt64Array.from([1n, -1n, 2n, -2n]) : Int32Array.from([1, -1, 2, -2])));
      for (const op of ['Add', 'Sub', 'Mul', 'Div']) {
        g.node(op, [a, b]);
        g.node(op, [b, a]);
        g.node(op, [limits, signs]);
      }
    }
    await expectLikeInterp(g, 14);
  });
});
