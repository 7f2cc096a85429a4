// Detection-style models run wholly on backend-cpu (one partition, nothing fallen back to the interp) and equal
// the interp: a YOLO-style graph (SiLU as Sigmoid·Mul, Resize nearest ×2, Concat, Split, SPPF MaxPool, a
// Reshape/Transpose head) and a PP-OCR DB-style one (HardSwish, a HardSigmoid squeeze-excite, ConvTranspose
// upsampling, Resize by sizes, BatchNormalization).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { Attribute, Node } from '../../src/ir/graph';
import { fromNumbers, toNumbers, type Tensor } from '../../src/ir/tensor';
import { buildModel, writeModelFile } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';
import { ATOL, RTOL, i64, installCpu, int, ints, randomValues, type CpuHome } from './support';

const str = (value: string): Attribute => ({ type: 'string', value });
const f32 = (...v: number[]): Tensor => fromNumbers('float32', [v.length], v);

/** A graph written as a list of nodes; weights get random values (BatchNormalization's variance positive). */
class Graph {
  nodes: Node[] = [];
  weights = new Map<string, Tensor>();
  private n = 0;
  node(op: string, inputs: string[], attrs: Record<string, Attribute> = {}, outputs = 1): string[] {
    const id = `${op.toLowerCase()}${this.n++}`;
    const outs = Array.from({ length: outputs }, (_, k) => `${id}_${k}`);
    this.nodes.push({ name: id, op, domain: '', inputs, outputs: outs, attributes: attrs });
    return outs;
  }
  weight(dims: number[], scale = 0.5, positive = false): string {
    const name = `w${this.weights.size}`;
    const t = randomValues(dims, scale);
    this.weights.set(name, positive ? fromNumbers('float32', dims, Array.from(toNumbers(t), (v) => Math.abs(v) + 0.5)) : t);
    return name;
  }
  constant(t: Tensor): string {
    const name = `k${this.weights.size}`;
    this.weights.set(name, t);
    return name;
  }
  conv(x: string, cin: number, cout: number, k: number, stride = 1): string {
    return this.node('Conv', [x, this.weight([cout, cin, k, k]), this.weight([cout])], { pads: ints(k >> 1, k >> 1, k >> 1, k >> 1), strides: ints(stride, stride) })[0]!;
  }
  silu(x: string): string {
    return this.node('Mul', [x, this.node('Sigmoid', [x])[0]!])[0]!;
  }
  bn(x: string, c: number): string {
    return this.node('BatchNormalization', [x, this.weight([c]), this.weight([c]), this.weight([c]), this.weight([c], 0.5, true)])[0]!;
  }
}

function yolo(): Graph {
  const g = new Graph();
  const a1 = g.silu(g.conv('image', 3, 8, 3, 2));
  const a2 = g.silu(g.conv(a1, 8, 16, 3, 2));
  const up = g.node('Resize', [a2, '', g.constant(f32(1, 1, 2, 2))], { mode: str('nearest') })[0]!;
  const cat = g.node('Concat', [up, a1], { axis: int(1) })[0]!;
  const [p, q] = g.node('Split', [cat, g.constant(i64(8, 16))], { axis: int(1) }, 2) as [string, string];
  const pooled = g.node('MaxPool', [p], { kernel_shape: ints(5, 5), pads: ints(2, 2, 2, 2) })[0]!;
  const cat2 = g.node('Concat', [pooled, g.silu(g.conv(q, 16, 8, 1))], { axis: int(1) })[0]!;
  const flat = g.node('Reshape', [g.conv(cat2, 16, 6, 1), g.constant(i64(1, 6, -1))])[0]!;
  const head = g.node('Transpose', [flat], { perm: ints(0, 2, 1) })[0]!;
  const [box, cls] = g.node('Split', [head, g.constant(i64(4, 2))], { axis: int(2) }, 2) as [string, string];
  g.node('Concat', [box, g.node('Sigmoid', [cls])[0]!], { axis: int(2) });
  return g;
}

function ppocr(): Graph {
  const g = new Graph();
  const hs = g.node('HardSwish', [g.bn(g.conv('image', 3, 8, 3, 2), 8)])[0]!;
  const se = g.node('HardSigmoid', [g.conv(g.node('Relu', [g.conv(g.node('GlobalAveragePool', [hs])[0]!, 8, 4, 1)])[0]!, 4, 8, 1)], { alpha: { type: 'float', value: 0.2 }, beta: { type: 'float', value: 0.5 } })[0]!;
  const x = g.node('Mul', [hs, se])[0]!;
  const fused = g.node('Add', [x, g.node('Resize', [g.conv(x, 8, 8, 3, 2), '', '', g.constant(i64(1, 8, 16, 16))], { mode: str('nearest') })[0]!])[0]!;
  const t1 = g.node('Relu', [g.bn(g.node('ConvTranspose', [fused, g.weight([8, 4, 2, 2]), g.weight([4])], { strides: ints(2, 2) })[0]!, 4)])[0]!;
  g.node('Sigmoid', [g.node('ConvTranspose', [t1, g.weight([4, 1, 2, 2]), g.weight([1])], { strides: ints(2, 2) })[0]!]);
  return g;
}

describeWithTools(['cc'], 'backend-cpu runs detection-style models wholly and like the interp', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  for (const [name, make] of [['yolo', yolo], ['ppocr', ppocr]] as const) {
    test(`${name}-style: one cpu partition, equal to the interp at -O1 and -O2`, async () => {
      const g = make();
      const last = g.nodes.at(-1)!.outputs[0]!;
      const model = writeModelFile(join(cpu.dir, `${name}.onnx`), buildModel({
        opset: 13,
        nodes: g.nodes,
        inputs: [{ name: 'image', type: { kind: 'tensor', dtype: 'float32', shape: [1, 3, 32, 32] } }],
        outputs: [{ name: last, type: { kind: 'tensor', dtype: 'float32' } }],
        initializers: g.weights,
      }));
      for (const opt of ['1', '2']) {
        const outs: Map<string, Tensor>[] = [];
        for (const backend of ['interp', 'cpu']) {
          const out = join(cpu.dir, `${name}-${backend}-${opt}.npz`);
          const r = cpu.run(['run', model, '--random-inputs', '--seed', '3', '--backend', backend, `--opt-level=${opt}`, '--output', out, '--explain']);
          expect(r.code).toBe(0);
          if (backend === 'cpu') expect(r.stderr).toMatch(/partitions: 1, \d+ nodes?[^\n]*\n {2}#0 {2}cpu /);
          if (backend === 'cpu') expect(r.stderr).not.toContain('fell back');
          outs.push(await loadNpz(readFileSync(out)));
        }
        const want = outs[0]!.get(last)!;
        const got = outs[1]!.get(last)!;
        expect(got.dims).toEqual(want.dims);
        const a = toNumbers(want);
        const b = toNumbers(got);
        const bad = a.findIndex((v, i) => !(Math.abs(v - b[i]!) <= ATOL + RTOL * Math.abs(v)));
        expect(bad === -1 ? 'equal' : `[${bad}]: ${b[bad]} vs ${a[bad]}`).toBe('equal');
      }
    });
  }
});
