/** The text of `hodu run --explain` (src/cli/ui/partition-explain.ts) from a report. */
import { expect, test } from 'bun:test';
import { explanation, renderExplanation } from '../../../src/cli/ui/partition-explain';

test('not partitioned: one line says so', () => {
  expect(renderExplanation(explanation('interp', "'interp' was asked for by --backend", undefined))).toEqual([
    "backend: interp — 'interp' was asked for by --backend",
    'the whole model runs on interp (not partitioned)',
  ]);
});

test('partitions aligned past #9, a moved partition, fallbacks, bodies and the note', () => {
  const partitions = Array.from({ length: 11 }, (_, i) => ({ backend: i % 2 ? 'interp' : 'cpu', nodes: i === 0 ? 1 : 2, ops: i % 2 ? ['Cos'] : ['Conv', 'Relu'] }));
  const report = {
    native: 'cpu',
    partitions: [...partitions.slice(0, 10), { ...partitions[10]!, backend: 'interp', movedToInterp: "plugin 'cpu' could not prepare the model: no" }],
    fallbacks: [{ node: 'c1', op: 'Cos', reason: "cpu has no kernel for Cos ('cos_f32')" }],
    folded: 2,
    bodies: [{ body: "If 'i' then_branch", partitions: [{ backend: 'cpu', nodes: 1, ops: ['Relu'] }], fallbacks: [] }],
    note: 'a note',
  };
  const lines = renderExplanation(explanation('cpu', 'why', report));
  expect(lines.slice(0, 3)).toEqual(['backend: cpu — why', 'partitions: 11, 21 nodes; 2 nodes folded to constants', '  #0   cpu     1 node     Conv, Relu']);
  expect(lines[12]).toBe('  #10  interp  2 nodes    Conv, Relu');
  expect(lines.slice(13)).toEqual([
    "       moved to the interp: plugin 'cpu' could not prepare the model: no",
    'fell back to the interp: 1 node',
    "  c1 (Cos): cpu has no kernel for Cos ('cos_f32')",
    "body of If 'i' then_branch: 1 partition",
    '    #0  cpu  1 node     Relu',
    'note: a note',
  ]);
});

test('a partition split when the run reached it, and the Ifs replaced by their taken branch, say so', () => {
  const report = {
    native: 'cpu',
    partitions: [{ backend: 'interp', nodes: 1, ops: ['If'] }, { backend: 'cpu', nodes: 2, ops: ['Relu', 'MatMul'], splitWhenReached: 'if_1' }],
    fallbacks: [],
    folded: 0,
    inlined: [{ node: 'rank_check', branch: 'else_branch' as const }],
  };
  expect(renderExplanation(explanation('cpu', 'why', report)).slice(2)).toEqual([
    '  #0  interp  1 node     If',
    '  #1  cpu     2 nodes    Relu, MatMul',
    "       split when reached, with the shapes 'if_1' produced",
    'replaced by their taken branch (condition known from the input shapes): 1 If',
    '  rank_check: else_branch',
  ]);
});
