/**
 * What `run`, `inspect` and `convert` report, through the compiled binary: parameter and node counts,
 * --shape checks, --profile attribution and rounding, the tensor preview, and --max-memory (issue 9).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph, Node } from '../../src/ir/graph';
import { emptyGraph } from '../../src/ir/graph';
import { float32Tensor, fromNumbers, int64Tensor, Tensor } from '../../src/ir/tensor';
import { buildModel, HODU, hodu, requireBinary, tempDir, writeModelFile, writeNpyFile } from './hodu';

const tmp = tempDir('hodu-reporting-');
const dir = tmp.dir;
const REAL = join(import.meta.dir, '..', '..', '.cache', 'real-models');
let constModel = '';
let ifModel = '';
let reluModel = '';
let addModel = '';
let identityModel = '';
let mlpModel = '';
let conv3dModel = '';
let bigIfModel = '';

const constant = (out: string, dims: number[]): Node => ({
  name: `const_${out}`, op: 'Constant', domain: '', inputs: [], outputs: [out],
  attributes: { value: { type: 'tensor', value: float32Tensor(Array.from({ length: dims.reduce((a, b) => a * b, 1) }, (_, i) => i / 10), dims) } },
});
const branch = (name: string, out: string): Graph => ({
  ...emptyGraph(name),
  nodes: [constant(out, [4])],
  outputs: [{ name: out, type: { kind: 'tensor', dtype: 'float32', shape: [4] } }],
});

beforeAll(() => {
  requireBinary();
  // Weights only in Constant nodes, as PP-OCR and Silero v5 export them: w [3,4] at the top level, and a
  // [4] Constant in each branch of an If. 12 + 4 + 4 = 20 parameters, 80 bytes of float32.
  // Nodes: Constant, MatMul, If at the top + one Constant per branch = 5 in the file; -O1 folds w into an
  // initializer, leaving 4.
  constModel = writeModelFile(join(dir, 'const.onnx'), buildModel({
    nodes: [
      constant('w', [3, 4]),
      { name: 'matmul', op: 'MatMul', domain: '', inputs: ['x', 'w'], outputs: ['y'], attributes: {} },
      { name: 'if', op: 'If', domain: '', inputs: ['c'], outputs: ['z'], attributes: { then_branch: { type: 'graph', value: branch('then', 't') }, else_branch: { type: 'graph', value: branch('else', 'e') } } },
    ],
    inputs: [
      { name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: ['N', 3] } },
      { name: 'c', type: { kind: 'tensor', dtype: 'bool', shape: [] } },
    ],
    outputs: [
      { name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: ['N', 4] } },
      { name: 'z', type: { kind: 'tensor', dtype: 'float32', shape: [4] } },
    ],
  }));
  // An If whose branches each multiply x[256,256] by itself: nearly all of the run is the MatMul in the
  // taken branch, so counting it in the If as well would double the time "in nodes".
  const square = (name: string): Graph => ({
    ...emptyGraph(name),
    nodes: [{ name: `${name}_matmul`, op: 'MatMul', domain: '', inputs: ['x', 'x'], outputs: [`${name}_y`], attributes: {} }],
    outputs: [{ name: `${name}_y`, type: { kind: 'tensor', dtype: 'float32', shape: [256, 256] } }],
  });
  ifModel = writeModelFile(join(dir, 'if.onnx'), buildModel({
    nodes: [{ name: 'if', op: 'If', domain: '', inputs: ['c'], outputs: ['y'], attributes: { then_branch: { type: 'graph', value: square('then') }, else_branch: { type: 'graph', value: square('else') } } }],
    inputs: [
      { name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [256, 256] } },
      { name: 'c', type: { kind: 'tensor', dtype: 'bool', shape: [] } },
    ],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [256, 256] } }],
  }));
  // y = relu(x), x [N,3]; s = a + b, a and b [N,3] sharing the symbolic dim N.
  const vi = (name: string) => ({ name, type: { kind: 'tensor' as const, dtype: 'float32' as const, shape: ['N', 3] } });
  reluModel = writeModelFile(join(dir, 'relu.onnx'), buildModel({
    nodes: [{ name: 'relu', op: 'Relu', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
    inputs: [vi('x')],
    outputs: [vi('y')],
  }));
  addModel = writeModelFile(join(dir, 'add.onnx'), buildModel({
    nodes: [{ name: 'add', op: 'Add', domain: '', inputs: ['a', 'b'], outputs: ['s'], attributes: {} }],
    inputs: [vi('a'), vi('b')],
    outputs: [vi('s')],
  }));
  // y = x for any float32 tensor (rank not declared).
  const anyF32 = (name: string) => ({ name, type: { kind: 'tensor' as const, dtype: 'float32' as const } });
  identityModel = writeModelFile(join(dir, 'identity.onnx'), buildModel({
    nodes: [{ name: 'id', op: 'Identity', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
    inputs: [anyF32('x')],
    outputs: [anyF32('y')],
  }));
  // x[1,256] · w[256,256] → Relu: 256 KiB of weights, 1 KiB tensors; planned need beyond hodu itself 259 KiB.
  mlpModel = writeModelFile(join(dir, 'mlp.onnx'), buildModel({
    nodes: [
      { name: 'mm', op: 'MatMul', domain: '', inputs: ['x', 'w'], outputs: ['h'], attributes: {} },
      { name: 'relu', op: 'Relu', domain: '', inputs: ['h'], outputs: ['y'], attributes: {} },
    ],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [1, 256] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [1, 256] } }],
    initializers: new Map([['w', float32Tensor(new Array(256 * 256).fill(0.5), [256, 256])]]),
  }));
  // A 3-D Conv, X [1,8,16,16,16] * W [8,8,3,3,3], pads 1: tensors of 128 KiB, but the im2col column buffer is
  // 216 rows × 4096 positions of doubles = 6.75 MiB.
  conv3dModel = writeModelFile(join(dir, 'conv3d.onnx'), buildModel({
    nodes: [{ name: 'conv', op: 'Conv', domain: '', inputs: ['x', 'w'], outputs: ['y'], attributes: { pads: { type: 'ints', value: [1, 1, 1, 1, 1, 1] } } }],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [1, 8, 16, 16, 16] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [1, 8, 16, 16, 16] } }],
    initializers: new Map([['w', new Tensor('float32', [8, 8, 3, 3, 3])]]),
  }));
  // Inside an If (which cannot be planned, so the estimate is rough and small): x [1,1] expanded to
  // [8192,8192] float32 (256 MiB), then summed. Only watching the real memory can stop it.
  const sumBranch = (name: string, expand: boolean): Graph => ({
    ...emptyGraph(name),
    nodes: [
      ...(expand ? [{ name: `${name}_expand`, op: 'Expand', domain: '', inputs: ['x', 'shape'], outputs: [`${name}_big`], attributes: {} }] : []),
      { name: `${name}_sum`, op: 'ReduceSum', domain: '', inputs: [expand ? `${name}_big` : 'x'], outputs: [`${name}_s`], attributes: { keepdims: { type: 'int', value: 0 } } },
    ],
    outputs: [{ name: `${name}_s`, type: { kind: 'tensor', dtype: 'float32', shape: [] } }],
  });
  bigIfModel = writeModelFile(join(dir, 'big-if.onnx'), buildModel({
    nodes: [{ name: 'if', op: 'If', domain: '', inputs: ['c'], outputs: ['s'], attributes: { then_branch: { type: 'graph', value: sumBranch('then', true) }, else_branch: { type: 'graph', value: sumBranch('else', false) } } }],
    inputs: [
      { name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [1, 1] } },
      { name: 'c', type: { kind: 'tensor', dtype: 'bool', shape: [] } },
    ],
    outputs: [{ name: 's', type: { kind: 'tensor', dtype: 'float32', shape: [] } }],
    initializers: new Map([['shape', int64Tensor([8192, 8192])]]),
  }));
  writeNpyFile(join(dir, 'true.npy'), fromNumbers('bool', [], [1]));
  writeNpyFile(join(dir, 'x24.npy'), fromNumbers('float32', [2, 4], [1, 2, 3, 4, 5, 6, 7, 8]));
  writeNpyFile(join(dir, 'x23.npy'), fromNumbers('float32', [2, 3], [1, 2, 3, 4, 5, 6]));
});
afterAll(() => tmp.cleanup());

/** A real model from .cache/real-models, or null with a visible skip reason (a failure when CI=true). */
function realModel(name: string): string | null {
  const path = join(REAL, name);
  if (existsSync(path)) return path;
  if (process.env.CI === 'true') throw new Error(`${path} is missing (test/realmodels/fetch.sh fetches it)`);
  console.warn(`skipped: ${path} is missing (run test/realmodels/fetch.sh)`);
  return null;
}

describe('item 18: inspect parameters, -O default, convert node count', () => {
  test('Constant node tensors count as parameters, in subgraphs too', () => {
    const r = hodu(['inspect', constModel, '-O0', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.parameters).toBe(20);
    expect(j.parameterBytes).toBe(80);
    expect(j.constants.map((c: { name: string; shape: number[] }) => [c.name, c.shape])).toEqual([['w', [3, 4]], ['t', [4]], ['e', [4]]]);
    const human = hodu(['inspect', constModel, '-O0']);
    expect(human.stdout).toMatch(/parameters\s+20 elements, 80 B, in 0 initializers \+ 3 Constant nodes/);
    expect(human.stdout).toMatch(/largest weights \(3 of 3; --initializers for all\)\n\s+w\s+float32\s+\[3,4\]\s+48 B\s+Constant/);
  });

  test('the same parameters after -O1 turns the top-level Constant into an initializer', () => {
    const j = JSON.parse(hodu(['inspect', constModel, '-O1', '--json']).stdout);
    expect([j.parameters, j.parameterBytes, j.initializers.length, j.constants.length]).toEqual([20, 80, 1, 2]);
  });

  test('Silero v5 (weights in Constant nodes) reports its parameters', () => {
    const path = realModel('silero_vad_v5.onnx');
    if (!path) return;
    const j = JSON.parse(hodu(['inspect', path, '-O0', '--json']).stdout);
    expect(j.initializers).toEqual([]);
    expect(j.constants.length).toBe(j.ops.Constant);
    // Its file is 2.3 MB, nearly all weights.
    expect(j.parameterBytes).toBeGreaterThan(2_000_000);
  });

  test('inspect and run default to the same -O level', () => {
    const byDefault = JSON.parse(hodu(['inspect', constModel, '--json']).stdout);
    const o2 = JSON.parse(hodu(['inspect', constModel, '-O2', '--json']).stdout);
    expect(byDefault.nodes).toBe(4);
    expect(byDefault.nodes).toBe(o2.nodes);
    expect(byDefault.nodesInFile).toBe(5);
    expect(hodu(['inspect', constModel]).stdout).toMatch(/nodes\s+4 \(5 in the file\)/);
    const defaultOf = (cmd: string) => /--opt-level <level>.*\(default: (\d)\)/.exec(hodu([cmd, '--help']).stdout)?.[1];
    expect(defaultOf('inspect')).toBe('2');
    expect(defaultOf('run')).toBe(defaultOf('inspect'));
  });

  test('convert counts nodes as inspect does (If bodies included)', () => {
    const r = hodu(['convert', constModel, join(dir, 'resaved.onnx'), '--json']);
    expect(r.code).toBe(0);
    const inspected = JSON.parse(hodu(['inspect', constModel, '-O0', '--json']).stdout);
    expect(JSON.parse(r.stdout).count).toBe(inspected.nodes);
    expect(inspected.nodes).toBe(5);
    expect(hodu(['convert', constModel, join(dir, 'resaved2.onnx')]).stderr).toContain('(5 nodes,');
  });
});

describe('item 20: --profile counts subgraph nodes once, rounded', () => {
  // On the interp: per-node timings are the interp's, and the embedded cpu backend now runs the If body's MatMul.
  test('If body nodes are timed on their own and left out of the If: node time fits in the run time', () => {
    const r = hodu(['run', ifModel, '--random-inputs', '--profile', '--json', '--backend', 'interp']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const counts = Object.fromEntries(j.profile.byOp.map((o: { op: string; calls: number }) => [o.op, o.calls]));
    expect(counts).toEqual({ If: 1, MatMul: 1 });
    // Self times are disjoint slices of session.run, so their sum cannot exceed it (rounding aside).
    expect(j.profile.totalMs).toBeLessThanOrEqual(j.runMs + 0.01);
    const human = hodu(['run', ifModel, '--random-inputs', '--profile', '--backend', 'interp']);
    expect(human.stderr).toContain('self times: an If/Loop/Scan excludes the nodes of its body');
  });

  test('--json profile numbers are rounded to 3 decimals (ms) and shares to 0.1%', () => {
    const { profile } = JSON.parse(hodu(['run', ifModel, '--random-inputs', '--profile', '--json', '--backend', 'interp']).stdout);
    const ms = [profile.totalMs, ...profile.byOp.map((o: { ms: number }) => o.ms), ...profile.byNode.map((t: { ms: number }) => t.ms)];
    for (const v of ms) expect(Math.round(v * 1000) / 1000).toBe(v);
    for (const o of profile.byOp) expect(Math.round(o.percent * 10) / 10).toBe(o.percent);
  });
});

describe('item 19: --shape is checked against the declared input shape', () => {
  test('a fixed dim that differs is refused, as a file of that shape is', () => {
    const file = hodu(['run', reluModel, '--input', `x=${join(dir, 'x24.npy')}`]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain("error[E_INPUT_SHAPE]: input 'x' must have shape [N,3], got [2,4]");
    const shape = hodu(['run', reluModel, '--random-inputs', '--shape', 'x=2x4']);
    expect(shape.code).toBe(2);
    expect(shape.stdout).toBe('');
    expect(shape.stderr).toContain("error[E_INPUT_SHAPE]: --shape x=2x4 does not fit input 'x' of shape [N,3]");
    expect(shape.stderr).toContain("hint: dim 0 ('N') is symbolic, the others fixed; e.g. --shape x=1x3");
  });

  test('a wrong rank is refused up front, not deep inside the graph', () => {
    const r = hodu(['run', addModel, '--random-inputs', '--shape', 'a=2x3x4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[E_INPUT_SHAPE]: --shape a=2x3x4 does not fit input 'a' of shape [N,3]");
    expect(r.stderr).not.toContain('Add node');
  });

  test('a symbolic dim set to two sizes is refused; one size for both runs', () => {
    const r = hodu(['run', addModel, '--random-inputs', '--shape', 'a=2x3', '--shape', 'b=4x3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[E_INPUT_SHAPE]: --shape b=4x3 dim 0 ('N') is 4, but another input set 'N' = 2");
    const ok = hodu(['run', addModel, '--random-inputs', '--shape', 'a=2x3', '--shape', 'b=2x3', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).outputs[0].shape).toEqual([2, 3]);
  });

  test('--shape that contradicts a given file is refused', () => {
    const r = hodu(['run', reluModel, '--input', `x=${join(dir, 'x23.npy')}`, '--shape', 'x=5x3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[E_INPUT_SHAPE]: input 'x' is given as a file of shape [2,3] and as --shape x=5x3");
  });
});

describe('item 21: the output preview prints as numpy does', () => {
  test('8 significant decimals: 0.00011628 is not cut to 0.0001', () => {
    const input = writeNpyFile(join(dir, 'small.npy'), fromNumbers('float32', [1, 1], [0.00011628]));
    const r = hodu(['run', identityModel, '--input', input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('y  float32[1,1]\n[[0.00011628]]\n\n');
  });

  test('numpy exponents (e-05) when the values span more than 1e3', () => {
    const input = writeNpyFile(join(dir, 'span.npy'), fromNumbers('float32', [3], [1, 1e-5, 3]));
    expect(hodu(['run', identityModel, '--input', input]).stdout).toContain('\n[1.e+00 1.e-05 3.e+00]\n');
  });

  test('long rows wrap at 75 columns when stdout is not a terminal', () => {
    const input = writeNpyFile(join(dir, 'row.npy'), fromNumbers('float32', [30], Array.from({ length: 30 }, (_, i) => i)));
    const r = hodu(['run', identityModel, '--input', input]);
    expect(r.stdout).toContain('\n[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. 15. 16. 17.\n 18. 19. 20. 21. 22. 23. 24. 25. 26. 27. 28. 29.]\n');
    const wide = writeNpyFile(join(dir, 'wide.npy'), fromNumbers('float32', [400], Array.from({ length: 400 }, (_, i) => i / 7)));
    for (const line of hodu(['run', identityModel, '--input', wide]).stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(75);
  });
});

test('item 21: on a terminal the preview wraps at its width (40 columns here, through a pseudo-terminal)', () => {
  // `script` gives hodu a terminal as stdout; `stty cols 40` sets its width.
  if (!Bun.which('script') || !Bun.which('stty')) {
    if (process.env.CI === 'true') throw new Error('script/stty (util-linux) are needed for this test');
    console.warn('skipped: script/stty (util-linux) not found, needed to give hodu a terminal');
    return;
  }
  const input = writeNpyFile(join(dir, 'row30.npy'), fromNumbers('float32', [30], Array.from({ length: 30 }, (_, i) => i)));
  const cmd = `stty cols 40 && exec ${HODU} run ${identityModel} --input ${input}`;
  const r = Bun.spawnSync(['script', '-qec', cmd, '/dev/null'], { env: { ...process.env, NO_COLOR: '1', HODU_HOME: dir }, stdout: 'pipe', stderr: 'pipe' });
  const text = r.stdout.toString().replace(/\r\n/g, '\n');
  // Words ' 0.'…'29.' with a space: 9 fit in 39 columns (40 less the closing bracket).
  expect(text).toContain('[ 0.  1.  2.  3.  4.  5.  6.  7.  8.\n  9. 10. 11. 12. 13. 14. 15. 16. 17.\n 18. 19. 20. 21. 22. 23. 24. 25. 26.\n 27. 28. 29.]');
});

describe('item 23: --max-memory bounds what hodu really uses', () => {
  const env = { HODU_MAX_MEMORY: '', HODU_LOG: '' };

  test('the estimate includes hodu itself: a 20 MiB cap cannot hold the runtime, even for 259 KiB of tensors', () => {
    const r = hodu(['run', mlpModel, '--random-inputs', '--max-memory', '20MiB'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[E_MEMORY_LIMIT\]: run needs about [\d.]+ MiB \(hodu with the model loaded [\d.]+ MiB \+ weights 256 KiB \+ inputs 1 KiB \+ peak intermediates 1 KiB \+ outputs 1 KiB\) but --max-memory is 20 MiB/);
    expect(hodu(['run', mlpModel, '--random-inputs', '--max-memory', '1GiB'], { env }).code).toBe(0);
  });

  test('the estimate includes kernel scratch (Conv im2col)', () => {
    const r = hodu(['run', conv3dModel, '--random-inputs', '--max-memory', '1MiB'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('+ kernel scratch 6.75 MiB +');
  });

  test('a run whose real memory goes over the limit is stopped while running, nothing printed', () => {
    // On the interp, whose run leaves the main thread free to sample the RSS. On the default embedded cpu the
    // If body is partitioned and runs on the main thread (src/runtime/partition/bodies.ts), so only the
    // estimate before the run applies: not watched while running (reported to the lead, not fixed here).
    const args = ['run', bigIfModel, '--input', `c=${join(dir, 'true.npy')}`, '--random-inputs', '--max-memory', '200MiB', '--backend', 'interp'];
    const r = hodu(args, { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error\[E_MEMORY_LIMIT\]: the run was stopped: hodu's memory \(RSS\) reached [\d.]+ MiB while running, over --max-memory = 200 MiB; the estimate before the run was [\d.]+ MiB \(rough\)/);
  });

  test('--help says what the limit bounds', () => {
    expect(hodu(['run', '--help']).stdout).toContain("hodu's resident memory");
  });
});
