/** The compiled binary, end to end: help, version, run/inspect on real files, and every bad-input path. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import { readNpy } from '../../src/formats/npy/read-npy';
import { float32Tensor, fromNumbers, Tensor, toNumbers } from '../../src/ir/tensor';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile, writeNpyFile, writeNpzFile } from './hodu';

const tmp = tempDir();
const dir = tmp.dir;
let addModel = '';

beforeAll(() => {
  requireBinary();
  // y = relu(a + b) over [2,3] float32, with named inputs 'a' and 'b' and a symbolic batch dim.
  addModel = writeModelFile(join(dir, 'add.onnx'), buildModel({
    nodes: [
      { name: 'add_0', op: 'Add', domain: '', inputs: ['a', 'b'], outputs: ['s'], attributes: {} },
      { name: 'relu_0', op: 'Relu', domain: '', inputs: ['s'], outputs: ['y:0'], attributes: {} },
    ],
    inputs: [
      { name: 'a', type: { kind: 'tensor', dtype: 'float32', shape: ['N', 3] } },
      { name: 'b', type: { kind: 'tensor', dtype: 'float32', shape: ['N', 3] } },
    ],
    outputs: [{ name: 'y:0', type: { kind: 'tensor', dtype: 'float32', shape: ['N', 3] } }],
  }));
  writeNpyFile(join(dir, 'a.npy'), float32Tensor([1, -2, 3, -4, 5, -6], [2, 3]));
  writeNpyFile(join(dir, 'b.npy'), float32Tensor([0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [2, 3]));
});
afterAll(() => tmp.cleanup());

const EXPECTED_Y = [1.5, 0, 3.5, 0, 5.5, 0]; // relu([1,-2,3,-4,5,-6] + 0.5)

describe('version and help', () => {
  test('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dir, '..', '..', 'package.json'), 'utf8'));
    const r = hodu(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`hodu ${pkg.version}`);
  });
  test('version --json has commit, bun, platform, sdk and abi', () => {
    const r = hodu(['version', '--json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.commit).not.toBe('dev'); // the build stamps the git commit
    expect(v.bun).toMatch(/^\d+\.\d+\.\d+/);
    expect(v.platform).toBe(process.platform);
    expect(v.sdk).toMatch(/^\d+\.\d+\.\d+$/);
    expect(typeof v.abi).toBe('number');
  });
  test('help lists every command and each command has help with examples', () => {
    const r = hodu(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['run', 'inspect', 'convert', 'version']) {
      expect(r.stdout).toContain(c);
      const h = hodu([c, '--help']);
      expect(h.code).toBe(0);
      expect(h.stdout).toContain('EXAMPLES');
      expect(h.stdout).toContain(`hodu ${c}`);
    }
  });
  test('unknown command suggests the closest one and exits 2', () => {
    const r = hodu(['inspcet', 'x.onnx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'inspcet'");
    expect(r.stderr).toContain("did you mean 'hodu inspect'");
  });
  test('unknown flag suggests the closest one and exits 2', () => {
    const r = hodu(['run', addModel, '--ouput', 'x.npz']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean '--output'");
  });
});

describe('run', () => {
  test('named .npy inputs, preview on stdout', () => {
    const r = hodu(['run', addModel, '--input', `a=${join(dir, 'a.npy')}`, '--input', `b=${join(dir, 'b.npy')}`]);
    expect(r.stderr).toContain('ran on cpu'); // the embedded cpu backend runs Add and Relu
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('y:0  float32[2,3]');
    // numpy prints this array as [[1.5 0.  3.5]\n [0.  5.5 0. ]]
    expect(r.stdout).toContain('[[1.5 0.  3.5]\n [0.  5.5 0. ]]');
  });
  test('npz input and --output npz keyed by exact ONNX output names', async () => {
    await writeNpzFile(join(dir, 'in.npz'), new Map([['a', float32Tensor([1, -2, 3, -4, 5, -6], [2, 3])], ['b', float32Tensor([0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [2, 3])]]));
    const r = hodu(['run', addModel, '--input', join(dir, 'in.npz'), '--output', join(dir, 'out.npz')]);
    expect(r.code).toBe(0);
    const out = await loadNpz(readFileSync(join(dir, 'out.npz')));
    expect([...out.keys()]).toEqual(['y:0']);
    expect(Array.from(toNumbers(out.get('y:0')!))).toEqual(EXPECTED_Y);
  });
  test('--output-dir writes one .npy per output with a safe file name', () => {
    const outDir = join(dir, 'outs');
    const r = hodu(['run', addModel, '--input', `a=${join(dir, 'a.npy')}`, '--input', `b=${join(dir, 'b.npy')}`, '--output-dir', outDir]);
    expect(r.code).toBe(0);
    expect(readdirSync(outDir)).toEqual(['y_0.npy']);
    expect(Array.from(toNumbers(readNpy(readFileSync(join(outDir, 'y_0.npy')), 'y')))).toEqual(EXPECTED_Y);
  });
  test('--json prints outputs with data', () => {
    const r = hodu(['run', addModel, '--input', `a=${join(dir, 'a.npy')}`, '--input', `b=${join(dir, 'b.npy')}`, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.backend).toBe('cpu');
    expect(j.outputs[0]).toEqual({ name: 'y:0', dtype: 'float32', shape: [2, 3], data: EXPECTED_Y });
  });
  test('--random-inputs needs --shape for a dynamic dim, then is reproducible by seed', () => {
    const noShape = hodu(['run', addModel, '--random-inputs']);
    expect(noShape.code).toBe(2);
    expect(noShape.stderr).toContain("dim 'N' is dynamic");
    expect(noShape.stderr).toContain('--shape a=');
    const args = ['run', addModel, '--random-inputs', '--shape', 'a=4x3', '--json', '--seed', '7'];
    const r1 = hodu(args);
    const r2 = hodu(args);
    expect(r1.code).toBe(0);
    expect(JSON.parse(r1.stdout).outputs[0].shape).toEqual([4, 3]);
    expect(JSON.parse(r1.stdout).outputs).toEqual(JSON.parse(r2.stdout).outputs);
  });
  test('a single unnamed .npy binds the only input', () => {
    const m = writeModelFile(join(dir, 'relu.onnx'), buildModel({
      nodes: [{ name: 'r', op: 'Relu', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
      inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [2, 3] } }],
      outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [2, 3] } }],
    }));
    const r = hodu(['run', m, '--input', join(dir, 'a.npy'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outputs[0].data).toEqual([1, 0, 3, 0, 5, 0]);
  });
});

describe('inspect', () => {
  test('model summary as JSON', () => {
    const r = hodu(['inspect', addModel, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.kind).toBe('model');
    expect(j.inputs).toEqual([{ name: 'a', dtype: 'float32', shape: ['N', 3] }, { name: 'b', dtype: 'float32', shape: ['N', 3] }]);
    expect(j.ops).toEqual({ Add: 1, Relu: 1 });
    expect(j.opsets).toEqual({ 'ai.onnx': 17 });
    expect(j.producer).toBe('hodu-tests');
  });
  test('tensor file listing', () => {
    const r = hodu(['inspect', join(dir, 'a.npy')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npy, 1 tensor');
    expect(r.stdout).toMatch(/a\s+float32\s+\[2,3\]\s+24 B/);
  });
});

describe('bad input: one-line error with a hint, never a stack trace', () => {
  function expectCleanError(r: { code: number; stderr: string; stdout: string }, code: string, exit = 1) {
    expect(r.stderr).toContain(`error[${code}]`);
    expect(r.stderr).toContain('hint:');
    expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack frames
    expect(r.code).toBe(exit);
  }
  test('missing model file', () => expectCleanError(hodu(['run', join(dir, 'nope.onnx')]), 'E_NOT_FOUND', 2));
  test('garbage .onnx', () => {
    writeFileSync(join(dir, 'garbage.onnx'), Buffer.from('this is not a protobuf at all \x00\xff\xfe', 'latin1'));
    expectCleanError(hodu(['run', join(dir, 'garbage.onnx')]), 'E_ONNX_DECODE');
  });
  test('truncated .onnx', () => {
    const bytes = readFileSync(addModel);
    writeFileSync(join(dir, 'trunc.onnx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectCleanError(hodu(['inspect', join(dir, 'trunc.onnx')]), 'E_ONNX_DECODE');
  });
  test('truncated .npy input', () => {
    const bytes = readFileSync(join(dir, 'a.npy'));
    writeFileSync(join(dir, 'trunc.npy'), bytes.subarray(0, bytes.length - 5));
    expectCleanError(hodu(['run', addModel, '--input', `a=${join(dir, 'trunc.npy')}`, '--input', `b=${join(dir, 'b.npy')}`]), 'E_NPY');
  });
  test('garbage .npz and .safetensors', () => {
    writeFileSync(join(dir, 'bad.npz'), 'PK\x03\x04 definitely not a zip');
    expectCleanError(hodu(['run', addModel, '--input', join(dir, 'bad.npz')]), 'E_ZIP');
    writeFileSync(join(dir, 'bad.safetensors'), new Uint8Array([255, 255, 255, 255, 0, 0, 0, 0, 1, 2]));
    expectCleanError(hodu(['inspect', join(dir, 'bad.safetensors')]), 'E_SAFETENSORS');
  });
  test('input with the wrong dtype', () => {
    writeNpyFile(join(dir, 'a64.npy'), fromNumbers('float64', [2, 3], [1, 2, 3, 4, 5, 6]));
    const r = hodu(['run', addModel, '--input', `a=${join(dir, 'a64.npy')}`, '--input', `b=${join(dir, 'b.npy')}`]);
    expectCleanError(r, 'E_INPUT_DTYPE', 2);
    expect(r.stderr).toContain("input 'a' must be float32, got float64");
  });
  test('input with the wrong shape', () => {
    writeNpyFile(join(dir, 'a4.npy'), float32Tensor([1, 2, 3, 4], [1, 4]));
    const r = hodu(['run', addModel, '--input', `a=${join(dir, 'a4.npy')}`, '--input', `b=${join(dir, 'b.npy')}`]);
    expectCleanError(r, 'E_INPUT_SHAPE', 2);
    expect(r.stderr).toContain('[N,3], got [1,4]');
  });
  test('input with a wrong name suggests the right one', () => {
    const r = hodu(['run', addModel, '--input', `aa=${join(dir, 'a.npy')}`]);
    expectCleanError(r, 'E_INPUT_NAME', 2);
    expect(r.stderr).toContain("did you mean 'a'");
  });
  test('missing input names it and suggests --random-inputs', () => {
    const r = hodu(['run', addModel, '--input', `a=${join(dir, 'a.npy')}`]);
    expectCleanError(r, 'E_INPUT_MISSING', 2);
    expect(r.stderr).toContain("input 'b' (float32[N,3]) was not given");
  });
  test('unsupported op names the op, node and opset', () => {
    const m = writeModelFile(join(dir, 'weird.onnx'), buildModel({
      nodes: [{ name: 'mystery_node', op: 'FrobnicateV9', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
      inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [1] } }],
      outputs: [{ name: 'y' }],
    }));
    writeNpyFile(join(dir, 'one.npy'), float32Tensor([1], [1]));
    const r = hodu(['run', m, '--input', join(dir, 'one.npy')]);
    expectCleanError(r, 'E_UNSUPPORTED_OP');
    expect(r.stderr).toContain('FrobnicateV9');
  });
  test('a dangling node input is reported with the node name', () => {
    const m = writeModelFile(join(dir, 'dangling.onnx'), buildModel({
      nodes: [{ name: 'add_x', op: 'Add', domain: '', inputs: ['x', 'ghost'], outputs: ['y'], attributes: {} }],
      inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [1] } }],
      outputs: [{ name: 'y' }],
    }));
    const r = hodu(['run', m, '--input', join(dir, 'one.npy')]);
    expectCleanError(r, 'E_GRAPH');
    expect(r.stderr).toContain("Add node 'add_x': reads 'ghost'");
  });
  test('--verbose adds the stack', () => {
    const r = hodu(['run', join(dir, 'garbage.onnx'), '--verbose']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/at /);
  });
  test('no half-written output when the run fails', () => {
    const target = join(dir, 'never.npz');
    hodu(['run', addModel, '--input', `a=${join(dir, 'a4.npy')}`, '--input', `b=${join(dir, 'b.npy')}`, '--output', target]);
    expect(existsSync(target)).toBe(false);
  });
});

test('Tensor storage sanity for test helpers', () => {
  expect(new Tensor('float32', [1], new Float32Array([2])).size).toBe(1);
});

test('inspect --graph prints the IR text form', () => {
  const r = hodu(['inspect', addModel, '--graph']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('graph test (a: float32[N,3], b: float32[N,3]) -> (y:0: float32[N,3]) {');
  expect(r.stdout).toContain('  %s = Add(a, b)');
  expect(r.stdout).toContain('  y:0 = Relu(%s)');
});

describe('convert', () => {
  test('npz → safetensors → npz keeps names, dtypes and values', async () => {
    const src = await writeNpzFile(join(dir, 'conv-in.npz'), new Map<string, Tensor>([
      ['w', float32Tensor([1.5, -2, 3], [3])],
      ['ids', fromNumbers('int64', [2], [7, -9])],
    ]));
    expect(hodu(['convert', src, join(dir, 'conv.safetensors')]).code).toBe(0);
    const back = hodu(['convert', join(dir, 'conv.safetensors'), join(dir, 'conv-back.npz')]);
    expect(back.code).toBe(0);
    const m = await loadNpz(readFileSync(join(dir, 'conv-back.npz')));
    expect([...m.keys()].sort()).toEqual(['ids', 'w']);
    expect(m.get('ids')!.dtype).toBe('int64');
    expect(Array.from(toNumbers(m.get('ids')!))).toEqual([7, -9]);
    expect(Array.from(toNumbers(m.get('w')!))).toEqual([1.5, -2, 3]);
  });
  test('a model cannot become a tensor file', () => {
    const r = hodu(['convert', addModel, join(dir, 'x.npz')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[E_CONVERT]');
  });
  test('onnx → onnx re-save runs the same', () => {
    expect(hodu(['convert', addModel, join(dir, 'resaved.onnx')]).code).toBe(0);
    const a = hodu(['run', addModel, '--input', `a=${join(dir, 'a.npy')}`, '--input', `b=${join(dir, 'b.npy')}`, '--json']);
    const b = hodu(['run', join(dir, 'resaved.onnx'), '--input', `a=${join(dir, 'a.npy')}`, '--input', `b=${join(dir, 'b.npy')}`, '--json']);
    expect(JSON.parse(b.stdout).outputs).toEqual(JSON.parse(a.stdout).outputs);
  });
});

test('a device no backend supports names the device and what is available', () => {
  const r = hodu(['run', addModel, '--random-inputs', '--shape', 'a=1x3', '--device', 'cuda'], { env: { HODU_HOME: join(dir, 'empty-home') } });
  expect(r.code).toBe(2); // a usage error, like an unknown --backend
  expect(r.stderr).toContain("no backend plugin supports device 'cuda'; available: cpu (cpu), interp (cpu)");
  expect(r.stderr).toContain('--device cpu');
});

test('a model calling a model-local ONNX function runs (the function is inlined)', () => {
  const model = buildModel({
    nodes: [{ name: 'call', op: 'ScaledRelu', domain: 'custom', inputs: ['x'], outputs: ['y'], attributes: {} }],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [3] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [3] } }],
  });
  model.opsetImports.push({ domain: 'custom', version: 1 });
  // ScaledRelu(x) = Relu(x) * 2, written as an ONNX function body.
  model.functions.push({
    name: 'ScaledRelu', domain: 'custom', inputs: ['x'], outputs: ['out'], attributes: [],
    opsetImports: [{ domain: '', version: 17 }],
    nodes: [
      { name: 'two', op: 'Constant', domain: '', inputs: [], outputs: ['two'], attributes: { value: { type: 'tensor', value: float32Tensor([2], []) } } },
      { name: 'r', op: 'Relu', domain: '', inputs: ['x'], outputs: ['r'], attributes: {} },
      { name: 'm', op: 'Mul', domain: '', inputs: ['r', 'two'], outputs: ['out'], attributes: {} },
    ],
  });
  const path = writeModelFile(join(dir, 'function.onnx'), model);
  writeNpyFile(join(dir, 'x3.npy'), float32Tensor([-1, 0.5, 2], [3]));
  const r = hodu(['run', path, '--input', join(dir, 'x3.npy'), '--json']);
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout).outputs[0].data).toEqual([0, 1, 4]);
});

test('sequence inputs are given as NAME/0, NAME/1, … keys', async () => {
  const path = writeModelFile(join(dir, 'seq.onnx'), buildModel({
    nodes: [
      { name: 'len', op: 'SequenceLength', domain: '', inputs: ['seq'], outputs: ['n'], attributes: {} },
      { name: 'cat', op: 'ConcatFromSequence', domain: '', inputs: ['seq'], outputs: ['all'], attributes: { axis: { type: 'int', value: 0 } } },
    ],
    inputs: [{ name: 'seq', type: { kind: 'sequence', elem: { kind: 'tensor', dtype: 'float32', shape: ['?'] } } }],
    outputs: [{ name: 'n' }, { name: 'all' }],
  }));
  // Keys out of order on purpose: elements are ordered by index, not by file order.
  const npz = await writeNpzFile(join(dir, 'seq.npz'), new Map([['seq/1', float32Tensor([3, 4, 5], [3])], ['seq/0', float32Tensor([1, 2], [2])]]));
  const r = hodu(['run', path, '--input', npz, '--json']);
  expect(r.stderr).toBe('');
  const outs = JSON.parse(r.stdout).outputs;
  expect(outs[0]).toMatchObject({ name: 'n', dtype: 'int64', data: [2] });
  expect(outs[1]).toMatchObject({ name: 'all', data: [1, 2, 3, 4, 5] });
  const gap = await writeNpzFile(join(dir, 'seq-gap.npz'), new Map([['seq/0', float32Tensor([1], [1])], ['seq/2', float32Tensor([3], [1])]]));
  const bad = hodu(['run', path, '--input', gap]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("sequence input 'seq' has element 2 but no element 1");
});

test('a string option without its value is a usage error, not silently ignored', () => {
  const r = hodu(['run', addModel, '--input']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("missing value for option '--input' of 'hodu run'");
  const r2 = hodu(['run', addModel, '--input', '--json']);
  expect(r2.code).toBe(2);
});

test('--shape for a name that is not an input is refused with a suggestion', () => {
  const r = hodu(['run', addModel, '--random-inputs', '--shape', 'aa=2x3']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("--shape names 'aa', which is not an input of this model");
  expect(r.stderr).toContain("did you mean 'a'");
});

test('--profile times every node: per-op counts match the graph', () => {
  // Per-node timings are the interp's (a native backend runs the whole manifest in one call).
  const r = hodu(['run', addModel, '--input', `a=${join(dir, 'a.npy')}`, '--input', `b=${join(dir, 'b.npy')}`, '--profile', '--json', '-O0', '--backend', 'interp']);
  expect(r.code).toBe(0);
  const { profile } = JSON.parse(r.stdout);
  expect(profile.byOp.map((o: { op: string; calls: number }) => [o.op, o.calls]).sort()).toEqual([['Add', 1], ['Relu', 1]]);
  expect(profile.byNode.map((t: { node: string }) => t.node).sort()).toEqual(['add_0', 'relu_0']);
  expect(profile.totalMs).toBeGreaterThanOrEqual(0);
  const human = hodu(['run', addModel, '--input', `a=${join(dir, 'a.npy')}`, '--input', `b=${join(dir, 'b.npy')}`, '--profile', '--backend', 'interp']);
  expect(human.stderr).toContain('profile:');
  expect(human.stderr).toContain('slowest nodes');
});

test('an -O level outside 0..3 is a usage error on run and inspect', () => {
  for (const args of [['run', addModel, '--random-inputs', '--shape', 'a=1x3', '-O7'], ['inspect', addModel, '--opt-level', '1.5']]) {
    const r = hodu(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-O/--opt-level must be 0, 1, 2 or 3');
    expect(r.stderr).toContain('hint:');
  }
});
