/**
 * `hodu run` flag combinations through dist/hodu: a flag one mode would ignore is refused naming both flags
 * (before the model loads), and the JSON reports say where every input came from.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { float32Tensor } from '../../src/ir/tensor';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile, writeNpyFile } from '../e2e/hodu';
import { writeEchoModel } from '../inputs/echo-model';

const t = tempDir('hodu-run-modes-');
let model = '';
let xFile = '';

beforeAll(() => {
  requireBinary();
  model = writeEchoModel(t.dir, 'echo.onnx', [
    ['sr', 'int64', []],
    ['x', 'float32', [1, 4]],
    ['noise', 'float32', ['batch', 3]],
  ]);
  xFile = join(t.dir, 'x.npy');
  writeNpyFile(xFile, float32Tensor([1, 2, 3, 4], [1, 4]));
});
afterAll(() => t.cleanup());

const FEEDS = () => ['--input', 'sr=16000', '--input', `x=${xFile}`, '--fill', 'noise=uniform:-1:1', '--dim', 'batch=2'];

describe('flags one mode would ignore are refused', () => {
  test.each([
    ['--expect', ['--expect', 'ref.npz']],
    ['--compare-backends', ['--compare-backends', 'interp,cpu']],
    ['--dump', ['--dump', 'dumped']],
    ['--profile-out', ['--profile-out', 'trace.json']],
    ['--benchmark', ['--benchmark']],
  ])('--dry-run with %s', (flag, extra) => {
    const r = hodu(['run', model, ...FEEDS(), '--dry-run', ...extra], { cwd: t.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_USAGE');
    expect(r.stderr).toContain(`--dry-run cannot be used with ${flag}`);
    expect(r.stderr).toContain('hint:');
    expect(existsSync(join(t.dir, 'dumped'))).toBe(false);
    expect(existsSync(join(t.dir, 'trace.json'))).toBe(false);
  });

  test.each([
    ['--backend', ['--backend', 'cpu']],
    ['--profile', ['--profile']],
    ['--profile-out', ['--profile-out', 'trace.json']],
    ['--explain', ['--explain']],
  ])('--compare-backends with %s', (flag, extra) => {
    const r = hodu(['run', model, ...FEEDS(), '--compare-backends', 'interp,cpu', ...extra], { cwd: t.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--compare-backends cannot be used with ${flag}`);
    expect(r.stdout).not.toContain('against');
    expect(existsSync(join(t.dir, 'trace.json'))).toBe(false);
  });

  test('--dry-run --profile still runs (the plan is the one a profiled run uses)', () => {
    const r = hodu(['run', model, ...FEEDS(), '--dry-run', '--profile'], { cwd: t.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('where inputs came from', () => {
  test('run --dry-run --json: a NAME=VALUE input is a value, not a file', () => {
    const r = hodu(['run', model, ...FEEDS(), '--dry-run', '--json'], { cwd: t.dir });
    expect(r.code).toBe(0);
    const from = Object.fromEntries(JSON.parse(r.stdout).inputs.map((i: { name: string; from: string }) => [i.name, i.from]));
    expect(from).toEqual({ sr: 'value', x: 'file', noise: 'generated shape' });
  });

  test('run --json lists every input: file, value, or generated with its fill and seed', () => {
    const bare = hodu(['run', model, '--input', `x=${xFile}`, '--random-inputs', '--dim', 'batch=1', '--backend', 'interp', '--json'], { cwd: t.dir });
    expect(bare.code).toBe(0);
    expect(JSON.parse(bare.stdout).inputs[0]).toEqual({ name: 'sr', dtype: 'int64', shape: [], from: 'generated', fill: 'int:0:9', default: true, seed: 0 });
    const r = hodu(['run', model, ...FEEDS(), '--seed', '5', '--backend', 'interp', '--json'], { cwd: t.dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).inputs).toEqual([
      { name: 'sr', dtype: 'int64', shape: [], from: 'value' },
      { name: 'x', dtype: 'float32', shape: [1, 4], from: 'file' },
      { name: 'noise', dtype: 'float32', shape: [2, 3], from: 'generated', fill: 'uniform:-1:1', seed: 5 },
    ]);
  });

  test('run --profile-out --json: the JSON has the profile, and the trace is among the files written', () => {
    const r = hodu(['run', model, ...FEEDS(), '--backend', 'interp', '--profile-out', 'trace.json', '--json'], { cwd: t.dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.written).toEqual(['trace.json']);
    expect(report.profile.byOp.map((row: { op: string }) => row.op)).toEqual(['Identity']);
    expect(report.profile.nodes).toHaveLength(3);
    expect(JSON.parse(readFileSync(join(t.dir, 'trace.json'), 'utf8')).traceEvents.length).toBeGreaterThan(0);
  });
});

describe('--dump-nodes', () => {
  test('matches op types too', () => {
    const r = hodu(['run', model, ...FEEDS(), '--backend', 'interp', '--dump', 'by-op', '--dump-nodes', '^Identity$', '--json'], { cwd: t.dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).dump).toEqual({ dir: 'by-op', values: 3, skipped: 0 });
  });

  test('a regex that matches nothing is refused before the run, naming nodes that exist', () => {
    const r = hodu(['run', model, ...FEEDS(), '--dump', 'none', '--dump-nodes', 'Conv'], { cwd: t.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--dump-nodes 'Conv' matches no value");
    expect(r.stderr).toContain('echo_sr (Identity)');
    expect(existsSync(join(t.dir, 'none'))).toBe(false);
  });
});

describe('messages', () => {
  test('--shape with an empty dim is a usage error, not a 0', () => {
    const r = hodu(['run', model, ...FEEDS(), '--shape', 'noise=2x3x'], { cwd: t.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--shape 'noise=2x3x': dims must be non-negative integers");
  });

  test('a model given where a tensor file goes says what it is', () => {
    const r = hodu(['run', model, ...FEEDS(), '--expect', model], { cwd: t.dir });
    expect(r.stderr).toContain(`${model} is an ONNX model, not a tensor file`);
    expect(r.stderr).not.toContain(' at ');
  });

  test('run --dry-run counts the passes that would change the graph out of those that ran', () => {
    // x -> Identity -> Identity -> y: the inner Identity goes at -O2.
    const chain = writeModelFile(join(t.dir, 'chain.onnx'), buildModel({
      nodes: [
        { name: 'id_1', op: 'Identity', domain: '', inputs: ['x'], outputs: ['t'], attributes: {} },
        { name: 'id_2', op: 'Identity', domain: '', inputs: ['t'], outputs: ['y'], attributes: {} },
      ],
      inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [2] } }],
      outputs: [{ name: 'y' }],
    }));
    const r = hodu(['run', chain, '--random-inputs', '--dry-run', '-O2'], { cwd: t.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/passes +-O2: [1-9]\d* of \d+ would change the graph: /);
    expect(r.stdout).not.toContain('passs');
  });
});

test('run --compare-backends --json says what both backends were fed', () => {
  const r = hodu(['run', model, ...FEEDS(), '--compare-backends', 'interp,cpu', '--json'], { cwd: t.dir });
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout);
  expect(report.inputs.map((i: { name: string; from: string }) => `${i.name}:${i.from}`)).toEqual(['sr:value', 'x:file', 'noise:generated']);
  expect(report.compareBackends.ok).toBe(true);
});

test('run --dry-run checks --output as the run would, and writes nothing', () => {
  const bad = hodu(['run', model, ...FEEDS(), '--dry-run', '--output', 'out.txt'], { cwd: t.dir });
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toContain('out.txt');
  expect(bad.stdout).not.toContain('can run');
  const good = hodu(['run', model, ...FEEDS(), '--dry-run', '--output', 'out.npz'], { cwd: t.dir });
  expect(good.code).toBe(0);
  expect(existsSync(join(t.dir, 'out.npz'))).toBe(false);
});

test('--seed above 2^32-1 is refused (the generator keeps 32 bits: it would repeat seed 0)', () => {
  const r = hodu(['run', model, ...FEEDS(), '--seed', String(2 ** 32)], { cwd: t.dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--seed must be an integer from 0 to 4294967295');
  expect(hodu(['run', model, ...FEEDS(), '--seed', String(2 ** 32 - 1), '--backend', 'interp'], { cwd: t.dir }).code).toBe(0);
});

test('--benchmark --profile-out names --profile-out (not --profile)', () => {
  const r = hodu(['run', model, ...FEEDS(), '--benchmark', '--profile-out', 'bench-trace.json'], { cwd: t.dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--profile-out cannot be used with --benchmark');
  expect(existsSync(join(t.dir, 'bench-trace.json'))).toBe(false);
});

test.each(['--expect', '--dump', '--profile-out', '--output', '--output-dir'])('%s with an empty value is refused before the run', (flag) => {
  const r = hodu(['run', model, ...FEEDS(), flag, ''], { cwd: t.dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`${flag} needs a path, got an empty value`);
  expect(r.stderr).not.toContain('ran on');
});

test('--input NAME= (nothing after =) is a usage error, not a missing file', () => {
  const r = hodu(['run', model, ...FEEDS(), '--input', 'noise='], { cwd: t.dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("--input 'noise=' has nothing after '='");
});
