/**
 * Control flow between native partitions, through the binary with backend-cpu (as Silero VAD is built): an If on
 * a fed value whose branches both produce the same shape, so what follows it runs on cpu; inside the taken branch
 * an If the input shapes decide, replaced by its branch, and an STFT-like conv (one input channel, long filters).
 * Outputs equal `--backend interp`; `--explain --json` shows where each part ran.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import type { Graph, Node } from '../../src/ir/graph';
import { emptyGraph } from '../../src/ir/graph';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { buildModel, writeModelFile, writeNpzFile } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';
import { ATOL, RTOL, installCpu, int, ints, randomValues, type CpuHome } from './support';

const node = (name: string, op: string, inputs: string[], outputs: string[], attributes: Node['attributes'] = {}): Node => ({ name, op, domain: '', inputs, outputs, attributes });
const f32 = (shape: (number | string)[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });
const body = (name: string, nodes: Node[], out: string, initializers = new Map<string, Tensor>()): Graph => ({ ...emptyGraph(name), nodes, outputs: [{ name: out }], initializers });
const ifNode = (name: string, cond: string, out: string, then: Graph, other: Graph) => node(name, 'If', [cond], [out], { then_branch: { type: 'graph', value: then }, else_branch: { type: 'graph', value: other } });
const conv = (name: string, x: string, w: string, out: string, stride: number) => node(name, 'Conv', [x, w], [out], { strides: ints(stride), kernel_shape: ints(64) });

interface Out {
  name: string;
  shape: number[];
  data: number[];
}
interface Summary {
  backend: string;
  ops: string[];
}
interface Explain {
  partitions: Summary[];
  bodies?: { body: string; partitions: Summary[]; inlined?: { node: string; branch: string }[] }[];
}

describeWithTools(['cc'], 'backend-cpu around and inside an If', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('an If on a fed value: its taken branch runs on cpu (nested shape check replaced), and what follows it too; outputs equal the interp', async () => {
    // then (sr == 16000): if x has 256 samples (the shapes decide it): STFT-like conv, stride 32; else stride 64.
    const stride = (s: number) => body(`stride${s}`, [conv(`conv${s}`, 'x', 'basis', `frames${s}`, s)], `frames${s}`);
    const then = body('then', [
      node('shape', 'Shape', ['x'], ['shape_x']),
      node('samples', 'Gather', ['shape_x', 'two'], ['n'], { axis: int(0) }),
      node('is256', 'Equal', ['n', 'n256'], ['full']),
      ifNode('length_check', 'full', 'frames', stride(32), stride(64)),
      node('relu', 'Relu', ['frames'], ['t']),
    ], 't', new Map([['two', fromNumbers('int64', [], [2])], ['n256', fromNumbers('int64', [], [256])]]));
    const other = body('else', [conv('conv8k', 'x', 'basis', 'c8', 32), node('sig', 'Sigmoid', ['c8'], ['e'])], 'e');
    const model = writeModelFile(join(cpu.dir, 'vad-like.onnx'), buildModel({
      nodes: [
        node('is16k', 'Equal', ['sr', 'k16'], ['cond']),
        ifNode('rate', 'cond', 'feat', then, other),
        node('mean', 'ReduceMean', ['feat'], ['m'], { axes: ints(2), keepdims: int(0) }),
        node('head', 'MatMul', ['m', 'proj'], ['y']),
      ],
      inputs: [{ name: 'x', type: f32([1, 1, 256]) }, { name: 'sr', type: { kind: 'tensor', dtype: 'int64', shape: [] } }],
      outputs: [{ name: 'y', type: f32([1, 3]) }],
      initializers: new Map<string, Tensor>([['basis', randomValues([24, 1, 64])], ['k16', fromNumbers('int64', [], [16000])], ['proj', randomValues([24, 3])]]),
    }));
    for (const sr of [16000, 8000]) {
      const inputs = await writeNpzFile(join(cpu.dir, `vad-${sr}.npz`), new Map([['x', randomValues([1, 1, 256])], ['sr', fromNumbers('int64', [], [sr])]]));
      const r = cpu.run(['run', model, '--input', inputs, '--backend', 'cpu', '--no-isolate', '--explain', '--json']);
      expect(r.code).toBe(0);
      const got = JSON.parse(r.stdout) as { outputs: Out[]; explain: Explain };
      const i = cpu.run(['run', model, '--input', inputs, '--backend', 'interp', '--json']);
      const want = (JSON.parse(i.stdout) as { outputs: Out[] }).outputs;
      expect(got.outputs.map((o) => `${o.name}[${o.shape}]`)).toEqual(want.map((o) => `${o.name}[${o.shape}]`));
      const bad = want[0]!.data.findIndex((v, j) => !(Math.abs(v - got.outputs[0]!.data[j]!) <= ATOL + RTOL * Math.abs(v)));
      expect(bad).toBe(-1);
      const e = got.explain;
      // Both branches make [1,24,7]: the ReduceMean and MatMul after the If run on cpu, planned before the run.
      expect(e.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)).toEqual(['cpu:Equal', 'interp:If', 'cpu:ReduceMean+MatMul']);
      const taken = e.bodies!.find((b) => b.body.endsWith(sr === 16000 ? 'then_branch' : 'else_branch'))!;
      expect(taken.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)).toEqual([sr === 16000 ? 'cpu:Conv+Relu' : 'cpu:Conv+Sigmoid']);
      if (sr === 16000) expect(taken.inlined).toEqual([{ node: 'length_check', branch: 'then_branch' }]);
    }
  });
});
