/**
 * Partitioned runs through the binary: backend-cpu (installed from plugins/backend-cpu) runs the nodes it has
 * kernels for and the interp the rest, in one session. Outputs equal `--backend interp` (RTOL, ATOL of
 * support.ts); `--explain` (text and --json) lists the partitions and why each node fell back.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import type { Graph, Node } from '../../src/ir/graph';
import { emptyGraph } from '../../src/ir/graph';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { buildModel, writeModelFile, writeNpzFile } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';
import { ATOL, RTOL, installCpu, randomValues, type CpuHome } from './support';

const node = (name: string, op: string, inputs: string[], outputs: string[], attributes: Node['attributes'] = {}): Node => ({ name, op, domain: '', inputs, outputs, attributes });
const f32 = (shape: (number | string)[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });

interface Explain {
  backend: string;
  partitions: { backend: string; nodes: number; ops: string[]; movedToInterp?: string }[];
  fallbacks: { node: string; op: string; reason: string }[];
}
interface Out {
  name: string;
  shape: number[];
  data: number[];
}

describeWithTools(['cc'], 'backend-cpu partitioned with the interp', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  /** Runs `args` on cpu (--explain --json) and on the interp; expects equal outputs; returns cpu's explanation. */
  function runBoth(args: string[]): Explain {
    const r = cpu.run(['run', ...args, '--backend', 'cpu', '--explain', '--json']);
    expect(r.stderr.replace(/^warning: plugin 'cpu' runs inside hodu \(--no-isolate\).*\n/, '')).toBe('');
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as { outputs: Out[]; explain: Explain };
    const i = cpu.run(['run', ...args, '--backend', 'interp', '--json']);
    expect(i.code).toBe(0);
    const want = (JSON.parse(i.stdout) as { outputs: Out[] }).outputs;
    expect(got.outputs.map((o) => `${o.name}[${o.shape}]`)).toEqual(want.map((o) => `${o.name}[${o.shape}]`));
    for (const [k, w] of want.entries()) {
      const g = got.outputs[k]!.data;
      const bad = w.data.findIndex((v, j) => !(Math.abs(v - g[j]!) <= ATOL + RTOL * Math.abs(v)));
      expect(bad === -1 ? 'equal' : `${w.name}[${bad}]: ${g[bad]} vs ${w.data[bad]}`).toBe('equal');
    }
    return got.explain;
  }

  test('Conv → Relu → Hardmax → MatMul, then an If whose branches read the result: cpu, interp, cpu, interp partitions', async () => {
    const branch = (name: string, op: string): Graph => ({ ...emptyGraph(name), nodes: [node(`${name}_${op}`, op, ['y'], [`${name}_out`])], outputs: [{ name: `${name}_out` }] });
    const model = writeModelFile(join(cpu.dir, 'mixed.onnx'), buildModel({
      nodes: [
        node('conv', 'Conv', ['x', 'w'], ['c']),
        node('relu', 'Relu', ['c'], ['r']),
        node('hardmax', 'Hardmax', ['r'], ['e']),
        node('matmul', 'MatMul', ['e', 'm'], ['y']),
        node('branch', 'If', ['cond'], ['z'], { then_branch: { type: 'graph', value: branch('then', 'Relu') }, else_branch: { type: 'graph', value: branch('else', 'Sigmoid') } }),
      ],
      inputs: [{ name: 'x', type: f32([1, 2, 5, 5]) }, { name: 'cond', type: { kind: 'tensor', dtype: 'bool', shape: [] } }],
      outputs: [{ name: 'y', type: f32([1, 3, 3, 4]) }, { name: 'z', type: f32([1, 3, 3, 4]) }],
      initializers: new Map<string, Tensor>([['w', randomValues([3, 2, 3, 3])], ['m', randomValues([3, 4])]]),
    }));
    for (const cond of [1, 0]) {
      const inputs = await writeNpzFile(join(cpu.dir, `mixed-${cond}.npz`), new Map([['x', randomValues([1, 2, 5, 5])], ['cond', fromNumbers('bool', [], [cond])]]));
      const e = runBoth([model, '--input', inputs]);
      expect(e.backend).toBe('cpu');
      expect(e.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)).toEqual(['cpu:Conv+Relu', 'interp:Hardmax', 'cpu:MatMul', 'interp:If']);
      expect(e.fallbacks.map((f) => `${f.node}: ${f.reason}`)).toEqual(["hardmax: cpu has no kernel for Hardmax ('hardmax_f32')", 'branch: control flow (If) is run by the host, not a backend (its bodies are listed apart)']);
    }
    // The text form, on stderr.
    const inputs = join(cpu.dir, 'mixed-1.npz');
    const r = cpu.run(['run', model, '--input', inputs, '--backend', 'cpu', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("backend: cpu — 'cpu' was asked for by --backend");
    expect(r.stderr).toMatch(/partitions: 4, 5 nodes\n {2}#0 {2}cpu {5}2 nodes {4}Conv, Relu\n {2}#1 {2}interp {2}1 node {5}Hardmax\n/);
    expect(r.stderr).toContain("fell back to the interp: 2 nodes\n  hardmax (Hardmax): cpu has no kernel for Hardmax ('hardmax_f32')");
  });

  test('--no-isolate: an If body is partitioned too (cpu runs in-process, so inside the interp executor); isolated, it is not, and --explain says why', async () => {
    const body = (name: string, nodes: Node[], out: string): Graph => ({ ...emptyGraph(name), nodes, outputs: [{ name: out }] });
    const model = writeModelFile(join(cpu.dir, 'if-body.onnx'), buildModel({
      nodes: [
        node('pre', 'Relu', ['x'], ['h']),
        node('branch', 'If', ['cond'], ['y'], {
          then_branch: { type: 'graph', value: body('then', [node('t_mm', 'MatMul', ['h', 'm'], ['a']), node('t_hardmax', 'Hardmax', ['a'], ['b']), node('t_add', 'Add', ['b', 'a'], ['t'])], 't') },
          else_branch: { type: 'graph', value: body('else', [node('e_sig', 'Sigmoid', ['h'], ['e'])], 'e') },
        }),
      ],
      inputs: [{ name: 'x', type: f32([2, 4]) }, { name: 'cond', type: { kind: 'tensor', dtype: 'bool', shape: [] } }],
      outputs: [{ name: 'y', type: f32([2, 4]) }],
      initializers: new Map<string, Tensor>([['m', randomValues([4, 4])]]),
    }));
    const inputs = await writeNpzFile(join(cpu.dir, 'if-body.npz'), new Map([['x', randomValues([2, 4])], ['cond', fromNumbers('bool', [], [1])]]));
    const e = runBoth([model, '--input', inputs, '--no-isolate']) as Explain & { bodies: { body: string; partitions: { backend: string; ops: string[] }[] }[] };
    expect(e.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)).toEqual(['cpu:Relu', 'interp:If']);
    expect(e.bodies.map((b) => [b.body, b.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)])).toEqual([["If 'branch' then_branch", ['cpu:MatMul', 'interp:Hardmax', 'cpu:Add']]]);
    const isolated = runBoth([model, '--input', inputs]) as Explain & { bodies?: unknown; note?: string };
    expect(isolated.bodies).toBeUndefined();
    expect(isolated.note).toContain('cpu runs in a child process (isolated)');
  });

  test('a node cpu refuses at create() inside a larger partition goes to the interp alone', () => {
    const model = writeModelFile(join(cpu.dir, 'bn-mid.onnx'), buildModel({
      opset: 15,
      nodes: [
        node('pre', 'Relu', ['x'], ['r']),
        node('bn_train', 'BatchNormalization', ['r', 's', 'b', 'm', 'v'], ['n'], { training_mode: { type: 'int', value: 1 } }),
        node('post', 'Sigmoid', ['n'], ['y']),
      ],
      inputs: [{ name: 'x', type: f32([2, 3, 4]) }],
      outputs: [{ name: 'y', type: f32([2, 3, 4]) }],
      initializers: new Map<string, Tensor>([['s', randomValues([3])], ['b', randomValues([3])], ['m', randomValues([3])], ['v', fromNumbers('float32', [3], [1, 2, 3])]]),
    }));
    const e = runBoth([model, '--random-inputs']);
    expect(e.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)).toEqual(['cpu:Relu', 'interp:BatchNormalization', 'cpu:Sigmoid']);
    expect(e.fallbacks.map((f) => f.node)).toEqual(['bn_train']);
    expect(e.fallbacks[0]!.reason).toContain('cpu refused it at create()');
    expect(e.fallbacks[0]!.reason).toContain('training_mode');
  });

  test('a dynamic batch: each size is planned with its own static shapes, and equals the interp', () => {
    const model = writeModelFile(join(cpu.dir, 'dynamic.onnx'), buildModel({
      nodes: [node('mm', 'MatMul', ['x', 'w'], ['h']), node('hardmax', 'Hardmax', ['h'], ['c']), node('add', 'Add', ['c', 'h'], ['y'])],
      inputs: [{ name: 'x', type: f32(['N', 4]) }],
      outputs: [{ name: 'y', type: f32(['N', 3]) }],
      initializers: new Map([['w', randomValues([4, 3])]]),
    }));
    for (const n of [2, 7]) {
      const e = runBoth([model, '--random-inputs', '--shape', `x=${n}x4`]);
      expect(e.partitions.map((p) => `${p.backend}:${p.ops.join('+')}`)).toEqual(['cpu:MatMul', 'interp:Hardmax', 'cpu:Add']);
    }
  });

  test('a model with no op cpu has runs on the interp when cpu is asked for, saying so', () => {
    const model = writeModelFile(join(cpu.dir, 'hardmax-only.onnx'), buildModel({
      nodes: [node('hardmax', 'Hardmax', ['x'], ['y'])],
      inputs: [{ name: 'x', type: f32([3]) }],
      outputs: [{ name: 'y', type: f32([3]) }],
    }));
    const r = cpu.run(['run', model, '--random-inputs', '--backend', 'cpu']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('cpu: does not support op Hardmax');
    // Without --backend the interp runs it.
    expect(cpu.run(['run', model, '--random-inputs', '--explain']).stderr).toContain('backend: interp');
  });
});
