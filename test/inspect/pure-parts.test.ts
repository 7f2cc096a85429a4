/**
 * The pure parts behind `hodu inspect`'s flags: a bare `--graph` (fillBareValues), close-name hints
 * (closeMatches), and the DOT of control flow (a Loop body reading outer values, an If branch returning an
 * outer value as is, a read of an undefined name), checked with the test's own DOT reader.
 */
import { expect, test } from 'bun:test';
import type { ArgDef } from 'citty';
import { fillBareValues } from '../../src/cli/check-args';
import type { Graph, Model } from '../../src/ir/graph';
import { emptyGraph } from '../../src/ir/graph';
import { renderDot } from '../../src/runtime/graph-render/dot';
import { inferModelValues } from '../../src/runtime/inspect-values';
import { closeMatches } from '../../src/util/did-you-mean';
import { labelText, missingFromDot, parseDot } from './dot-parse';

const defs: Record<string, ArgDef> = {
  file: { type: 'positional' },
  graph: { type: 'string', valueHint: 'text|dot|svg' },
  json: { type: 'boolean' },
};

test('fillBareValues: a bare option takes its default; the next word only when it is one of its choices', () => {
  const bare = { graph: 'text' };
  expect(fillBareValues(defs, bare, ['m.onnx', '--graph'])).toEqual(['m.onnx', '--graph=text']);
  expect(fillBareValues(defs, bare, ['m.onnx', '--graph', 'dot'])).toEqual(['m.onnx', '--graph=dot']);
  expect(fillBareValues(defs, bare, ['--graph', 'm.onnx'])).toEqual(['--graph=text', 'm.onnx']);
  expect(fillBareValues(defs, bare, ['m.onnx', '--graph', '--json'])).toEqual(['m.onnx', '--graph=text', '--json']);
  expect(fillBareValues(defs, bare, ['m.onnx', '--graph=svg'])).toEqual(['m.onnx', '--graph=svg']);
  expect(fillBareValues(defs, bare, ['--', '--graph'])).toEqual(['--', '--graph']);
  expect(fillBareValues(defs, undefined, ['--graph'])).toEqual(['--graph']);
});

test('closeMatches: near names first, then names containing it; at most the limit', () => {
  const names = ['conv1', 'conv2', 'relu_1', '/encoder/layer.0/attention/MatMul', '/encoder/layer.1/attention/MatMul', 'x'];
  expect(closeMatches('conv', names)).toEqual(['conv1', 'conv2']);
  expect(closeMatches('relu1', names)).toEqual(['relu_1']);
  expect(closeMatches('attention', names)).toEqual(['/encoder/layer.0/attention/MatMul', '/encoder/layer.1/attention/MatMul']);
  expect(closeMatches('zzzzzz', names)).toEqual([]);
  expect(closeMatches('conv', Array.from({ length: 20 }, (_, i) => `conv${i}`), 3)).toEqual(['conv0', 'conv1', 'conv2']);
});

const f32 = (shape: (number | string)[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });

/** y = Loop(3) over a body that adds the outer `w` to its carried value; then an If whose then-branch returns `y` itself. */
function controlFlowModel(): Model {
  const body: Graph = {
    ...emptyGraph('loop_body'),
    inputs: [{ name: 'i', type: { kind: 'tensor', dtype: 'int64', shape: [] } }, { name: 'cond', type: { kind: 'tensor', dtype: 'bool', shape: [] } }, { name: 'acc', type: f32([2]) }],
    outputs: [{ name: 'cond_out', type: { kind: 'tensor', dtype: 'bool', shape: [] } }, { name: 'acc_out', type: f32([2]) }],
    nodes: [
      { name: 'keep', op: 'Identity', domain: '', inputs: ['cond'], outputs: ['cond_out'], attributes: {} },
      { name: 'add_w', op: 'Add', domain: '', inputs: ['acc', 'w'], outputs: ['acc_out'], attributes: {} },
    ],
  };
  const thenBranch: Graph = { ...emptyGraph('then'), outputs: [{ name: 'y', type: f32([2]) }] };
  const elseBranch: Graph = { ...emptyGraph('else'), outputs: [{ name: 'ghost_out', type: f32([2]) }], nodes: [{ name: 'neg', op: 'Neg', domain: '', inputs: ['ghost'], outputs: ['ghost_out'], attributes: {} }] };
  const graph: Graph = {
    ...emptyGraph('cf'),
    inputs: [{ name: 'x', type: f32([2]) }, { name: 'c', type: { kind: 'tensor', dtype: 'bool', shape: [] } }, { name: 'w', type: f32([2]) }],
    outputs: [{ name: 'z', type: f32([2]) }],
    nodes: [
      { name: 'loop', op: 'Loop', domain: '', inputs: ['', '', 'x'], outputs: ['y'], attributes: { body: { type: 'graph', value: body } } },
      { name: 'if', op: 'If', domain: '', inputs: ['c'], outputs: ['z'], attributes: { then_branch: { type: 'graph', value: thenBranch }, else_branch: { type: 'graph', value: elseBranch } } },
    ],
  };
  return { irVersion: 8, opsetImports: [{ domain: '', version: 17 }], metadata: {}, graph, functions: [] };
}

test('DOT of control flow: a cluster per body, outer reads drawn in, body outputs back to their node, undefined names in red', () => {
  const model = controlFlowModel();
  const text = renderDot(model, inferModelValues(model));
  const dot = parseDot(text);
  expect(dot.depth).toBe(0);
  expect(dot.minDepth).toBe(0);
  expect(dot.clusters).toBe(3);
  // `ghost` is read by the else branch but defined nowhere: reported as a missing edge by the checker, drawn red.
  expect(missingFromDot(model, dot)).toEqual([]);
  const idOf = (label: string) => [...dot.nodes].find(([, a]) => labelText(a.label ?? '') === label)?.[0];
  const inputW = idOf('w\nfloat32[2]')!;
  const addW = idOf('Add\nadd_w')!;
  expect(dot.edges.some((e) => e.from === inputW && e.to === addW)).toBe(true);
  const loop = idOf('Loop\nloop')!;
  const iff = idOf('If\nif')!;
  const backToLoop = dot.edges.filter((e) => e.to === loop && e.attrs.style === 'dashed');
  expect(backToLoop.length).toBe(2);
  // The then-branch returns the outer y: an edge from the Loop into that branch's output ellipse, which points back to the If.
  const thenOut = dot.edges.find((e) => e.from === loop && labelText(e.attrs.label ?? '').startsWith('y'))!;
  expect(dot.nodes.get(thenOut.to)?.shape).toBe('ellipse');
  expect(dot.edges.some((e) => e.from === thenOut.to && e.to === iff)).toBe(true);
  const ghost = [...dot.nodes.values()].find((a) => labelText(a.label ?? '') === 'ghost\n(undefined)');
  expect(ghost?.color).toBe('#cc0000');
  // The same model gives the same text.
  expect(renderDot(model, inferModelValues(model))).toBe(text);
});
