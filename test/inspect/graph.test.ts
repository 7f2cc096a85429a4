/**
 * `hodu inspect M --graph dot|svg|text [-o FILE]` through the compiled binary: the DOT of the generated models
 * and of a real model with If bodies holds every node and every edge (checked against the decoded file, with
 * a DOT reader of the test's own), Graphviz accepts it, names with quotes, backslashes, newlines and unicode
 * come out as Graphviz reads them, svg is an SVG, a missing `dot` is E_MISSING_TOOL naming graphviz, and a
 * bare --graph is still the IR text.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { copyFileSync, existsSync, linkSync, lstatSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { generateModels } from '../models/generate';
import { REAL_MODELS_DIR } from '../realmodels/models';
import { buildModel, hodu, HODU, requireBinary, tempDir, writeModelFile } from '../e2e/hodu';
import { testWithTools } from '../support/optional-tools';
import { labelText, missingFromDot, parseDot } from './dot-parse';

const tmp = tempDir('hodu-inspect-graph-');
let models: string[] = [];
const SILERO = join(REAL_MODELS_DIR, 'silero_vad_legacy.onnx');
const OCR = join(REAL_MODELS_DIR, 'ch_PP-OCRv4_det_infer.onnx');

beforeAll(async () => {
  requireBinary();
  models = await generateModels(tmp.dir);
});
afterAll(() => tmp.cleanup());

const decode = (path: string) => decodeModel(new Uint8Array(readFileSync(path)));

describe('--graph dot holds every node and edge', () => {
  for (const name of ['mlp.onnx', 'resnet.onnx', 'transformer.onnx', 'lstm.onnx']) {
    test(name, () => {
      const path = join(tmp.dir, name);
      const r = hodu(['inspect', path, '--graph', 'dot', '-O0']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const dot = parseDot(r.stdout);
      expect(r.stdout.startsWith('digraph ')).toBe(true);
      expect(dot.depth).toBe(0);
      expect(dot.minDepth).toBe(0);
      expect(missingFromDot(decode(path), dot)).toEqual([]);
    });
  }

  test('edges carry the inferred dtype and shape (mlp: hand-checked)', () => {
    const r = hodu(['inspect', join(tmp.dir, 'mlp.onnx'), '--graph', 'dot', '-O0']);
    const labels = parseDot(r.stdout).edges.map((e) => labelText(e.attrs.label ?? ''));
    // Gemm(64→128) of a [1,64] input, then Relu; the last Gemm gives 10 classes.
    expect(labels).toContain('input\nfloat32[1,64]');
    expect(labels.filter((l) => l.endsWith('float32[1,128]')).length).toBe(2);
    expect(labels).toContain('fc3.bias\nfloat32[10]');
  });

  test.skipIf(!existsSync(SILERO))('a real model with If bodies: every body node and edge, one cluster per body', () => {
    const r = hodu(['inspect', SILERO, '--graph', 'dot', '-O0']);
    expect(r.code).toBe(0);
    const dot = parseDot(r.stdout);
    expect(dot.depth).toBe(0);
    expect(dot.minDepth).toBe(0);
    const model = decode(SILERO);
    expect(missingFromDot(model, dot)).toEqual([]);
    const bodies = (g: typeof model.graph): number => g.nodes.reduce((n, node) => n + Object.values(node.attributes).reduce((k, a) => k + (a.type === 'graph' ? 1 + bodies(a.value) : 0), 0), 0);
    expect(dot.clusters).toBe(bodies(model.graph));
    expect(dot.clusters).toBeGreaterThan(1);
  });
});

const weird = ['q"uote', 'back\\slash', 'new\nline', 'ünï ☃ 模型', 'esc\\l\\N'];

function writeWeirdModel(path: string): string {
  const t = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [2] };
  return writeModelFile(path, buildModel({
    nodes: weird.map((name, i) => ({ name, op: 'Relu', domain: '', inputs: [i ? weird[i - 1]! + '/out' : 'x'], outputs: [`${name}/out`], attributes: {} })),
    inputs: [{ name: 'x', type: t }],
    outputs: [{ name: `${weird.at(-1)}/out`, type: t }],
  }));
}

test('names with quotes, backslashes, newlines and unicode stay whole (this reader)', () => {
  const path = writeWeirdModel(join(tmp.dir, 'weird.onnx'));
  const r = hodu(['inspect', path, '--graph', 'dot', '-O0']);
  expect(r.code).toBe(0);
  const dot = parseDot(r.stdout);
  expect(dot.depth).toBe(0);
  expect(missingFromDot(decode(path), dot)).toEqual([]);
});

testWithTools(['dot'], 'Graphviz reads every DOT (generated, real, odd names) and shows the names as they are', () => {
  const files = [...models, writeWeirdModel(join(tmp.dir, 'weird2.onnx')), ...[SILERO, OCR].filter(existsSync)];
  for (const path of files) {
    const r = hodu(['inspect', path, '--graph', 'dot']);
    expect(r.code).toBe(0);
    const g = Bun.spawnSync(['dot', '-Tjson'], { stdin: Buffer.from(r.stdout), stdout: 'pipe', stderr: 'pipe' });
    expect(`${path}: ${g.stderr.toString()}`).toBe(`${path}: `);
    expect(g.exitCode).toBe(0);
    if (path.endsWith('weird2.onnx')) {
      // -Tjson gives each label as Graphviz parsed it (DOT quoting undone, label escapes still in).
      const labels = (JSON.parse(g.stdout.toString()).objects as { label?: string }[]).map((o) => labelText(o.label ?? ''));
      for (const name of weird) expect(labels).toContain(`Relu\n${name}`);
    }
  }
}, 120_000);

testWithTools(['dot'], '--graph svg writes an SVG, to stdout or atomically to -o FILE', () => {
  const r = hodu(['inspect', join(tmp.dir, 'mlp.onnx'), '--graph', 'svg']);
  expect(r.code).toBe(0);
  const svg = r.stdout;
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg).toContain('>gemm_1</text>');
  const out = join(tmp.dir, 'svg-out', 'mlp.svg');
  const w = hodu(['inspect', join(tmp.dir, 'mlp.onnx'), '--graph', 'svg', '-o', out]);
  expect(w.code).toBe(0);
  expect(w.stdout).toBe('');
  expect(readFileSync(out, 'utf8')).toBe(svg);
  expect(readdirSync(dirname(out))).toEqual(['mlp.svg']); // no temp file left
}, 60_000);

test('--graph svg without dot on PATH: E_MISSING_TOOL naming graphviz and --graph dot', () => {
  const r = hodu(['inspect', join(tmp.dir, 'mlp.onnx'), '--graph', 'svg'], { env: { PATH: '/nonexistent' } });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('E_MISSING_TOOL');
  expect(r.stderr).toContain('graphviz');
  expect(r.stderr).toContain('--graph dot');
});

test('a bare --graph is the IR text, before or after the model; -o writes it', () => {
  const path = join(tmp.dir, 'mlp.onnx');
  const text = hodu(['inspect', path, '--graph', 'text']);
  expect(text.stdout.startsWith('model ir=8')).toBe(true);
  expect(hodu(['inspect', path, '--graph']).stdout).toBe(text.stdout);
  expect(hodu(['inspect', '--graph', path]).stdout).toBe(text.stdout);
  expect(hodu(['inspect', path, '--graph', '--json']).stdout).toBe(text.stdout);
  const out = join(tmp.dir, 'graph.txt');
  expect(hodu(['inspect', path, '--graph', '-o', out]).code).toBe(0);
  expect(readFileSync(out, 'utf8')).toBe(text.stdout);
  const dotOut = join(tmp.dir, 'graph.dot');
  expect(hodu(['inspect', path, '--graph', 'dot', '--output', dotOut]).code).toBe(0);
  expect(readFileSync(dotOut, 'utf8')).toBe(hodu(['inspect', path, '--graph', 'dot']).stdout);
});

test('bad uses: an unknown format, -o without --graph, two views at once', () => {
  const path = join(tmp.dir, 'mlp.onnx');
  const bad = hodu(['inspect', path, '--graph=png']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("--graph must be text, dot or svg, got 'png'");
  expect(hodu(['inspect', path, '-o', join(tmp.dir, 'x.dot')]).stderr).toContain('needs --graph');
  expect(hodu(['inspect', path, '--graph', 'dot', '--shapes']).stderr).toContain('cannot be used together');
});

test('-o naming the model itself (by path, ./path, a symlink or a hard link) is refused and the model kept', () => {
  const path = join(tmp.dir, 'victim.onnx');
  copyFileSync(join(tmp.dir, 'mlp.onnx'), path);
  const before = readFileSync(path);
  symlinkSync(path, join(tmp.dir, 'victim-link.dot'));
  linkSync(path, join(tmp.dir, 'victim-hard.dot'));
  for (const o of [path, `${tmp.dir}/./victim.onnx`, join(tmp.dir, 'victim-link.dot'), join(tmp.dir, 'victim-hard.dot')]) {
    const r = hodu(['inspect', path, '--graph', 'dot', '-o', o]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_USAGE');
    expect(r.stderr).toContain('is the model being inspected');
    expect(readFileSync(path).equals(before)).toBe(true);
  }
  // Another file is still written.
  expect(hodu(['inspect', path, '--graph', 'dot', '-o', join(tmp.dir, 'victim.dot')]).code).toBe(0);
});

test('-o onto a FIFO nobody reads is E_IO at once, not a hang', () => {
  const fifo = join(tmp.dir, 'unread.fifo');
  expect(Bun.spawnSync(['mkfifo', fifo]).exitCode).toBe(0);
  const r = hodu(['inspect', join(tmp.dir, 'mlp.onnx'), '--graph', 'dot', '-o', fifo]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('it is a FIFO that no process is reading');
});

test('-o onto a FIFO writes the graph into it (a reader gets it) and leaves the FIFO a FIFO', async () => {
  const fifo = join(tmp.dir, 'graph.fifo');
  expect(Bun.spawnSync(['mkfifo', fifo]).exitCode).toBe(0);
  const reader = Bun.spawn(['cat', fifo], { stdout: 'pipe' });
  try {
    const path = join(tmp.dir, 'mlp.onnx');
    // Until `cat` has opened the FIFO, hodu refuses it (no process reading): retry as the reader starts.
    let r = hodu(['inspect', path, '--graph', 'dot', '-o', fifo]);
    for (let i = 0; i < 50 && r.stderr.includes('no process is reading'); i++) {
      await Bun.sleep(20);
      r = hodu(['inspect', path, '--graph', 'dot', '-o', fifo]);
    }
    expect(r.code).toBe(0);
    expect(await new Response(reader.stdout).text()).toBe(hodu(['inspect', path, '--graph', 'dot']).stdout);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  } finally {
    reader.kill();
  }
});

test('-o /proc/self/fd/1 with stdout redirected to a file writes into that file (no rename over the link)', () => {
  const path = join(tmp.dir, 'mlp.onnx');
  const file = join(tmp.dir, 'redirected.dot');
  const r = Bun.spawnSync(['sh', '-c', `'${HODU}' inspect '${path}' --graph dot -o /proc/self/fd/1 > '${file}'`], { env: { ...process.env, NO_COLOR: '1' }, stderr: 'pipe' });
  expect(r.stderr.toString()).toContain('wrote /proc/self/fd/1');
  expect(r.exitCode).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(hodu(['inspect', path, '--graph', 'dot']).stdout);
});

function writeBigModel(): string {
  const t = { kind: 'tensor' as const, dtype: 'float32' as const, shape: ['batch', 8] };
  const nodes = Array.from({ length: 3000 }, (_, i) => ({ name: `n${i}`, op: i % 2 ? 'Relu' : 'Neg', domain: '', inputs: [i ? `v${i - 1}` : 'x'], outputs: [`v${i}`], attributes: {} }));
  return writeModelFile(join(tmp.dir, 'big.onnx'), buildModel({ nodes, inputs: [{ name: 'x', type: t }], outputs: [{ name: 'v2999', type: t }] }));
}

testWithTools(['dot'], 'a big graph (3000 nodes) draws as SVG', () => {
  const out = join(tmp.dir, 'big.svg');
  const r = hodu(['inspect', writeBigModel(), '--graph', 'svg', '-O0', '-o', out]);
  expect(r.code).toBe(0);
  const svg = readFileSync(out, 'utf8');
  // Graphviz writes one <g class="node"> per node: 3000 ops, the input and the output.
  expect(svg.match(/<g id="node\d+" class="node">/g)?.length).toBe(3002);
}, 120_000);

test('a big graph (3000 nodes) renders quickly', () => {
  const path = writeBigModel();
  const start = performance.now();
  const r = hodu(['inspect', path, '--graph', 'dot', '-O0']);
  expect(r.code).toBe(0);
  expect(performance.now() - start).toBeLessThan(20_000);
  const dot = parseDot(r.stdout);
  expect(missingFromDot(decode(path), dot)).toEqual([]);
  expect(labelText(dot.edges.at(-1)!.attrs.label!)).toBe('v2999\nfloat32[batch,8]');
});
