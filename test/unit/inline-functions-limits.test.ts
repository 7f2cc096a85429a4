/**
 * The inliner against hostile models (issue 9, item 7): a "function bomb" is refused by a node budget before any
 * expansion, recursion (direct, mutual, through a subgraph) is refused cleanly, and large bodies do not hit the
 * argument limit of push(...x). Also: no unbounded push(...x) / Math.max(...x) is left in src/.
 */
import { describe, expect, test } from 'bun:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyGraph, type Graph, type Node } from '../../src/ir/graph';
import { verifyModel } from '../../src/ir/verifier';
import { broadcastShape } from '../../src/backends/interp/util/broadcast';
import { inlineFunctions, MAX_INLINED_NODES } from '../../src/passes/inline-functions';
import { subgraphsOf } from '../../src/ir/subgraphs';
import { bigFunction, functionBomb, functionChain, modelCalling, recursiveFunctions } from '../fixtures/onnx/function-models';

function errorOf(run: () => unknown): { code?: string; message: string } {
  try {
    run();
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
  return { message: 'no error' };
}

describe('node budget', () => {
  test('a 40-level function bomb (2^40 nodes) is refused by counting, naming the function and the budget', () => {
    const e = errorOf(() => inlineFunctions.run(functionBomb(40)));
    expect(e.code).toBe('E_GRAPH');
    expect(e.message).toBe("inlining the model's functions would create 1,099,511,627,776 nodes, over the budget of 1,000,000 (function bomb::f0 alone expands to 1,099,511,627,776)");
  });

  test('just over the budget is refused, under it is inlined', () => {
    expect(MAX_INLINED_NODES).toBe(1_000_000);
    expect(errorOf(() => inlineFunctions.run(functionBomb(20))).message).toContain('would create 1,048,576 nodes, over the budget of 1,000,000');
    expect(inlineFunctions.run(functionBomb(12)).graph.nodes.length).toBe(4096);
  });

  test('a body of 800,000 nodes is inlined (no push(...body) RangeError)', () => {
    const m = inlineFunctions.run(bigFunction(800_000));
    expect(m.graph.nodes.length).toBe(800_000);
    expect(m.graph.nodes.at(-1)!.outputs).toEqual(['y']);
  });
});

describe('recursion', () => {
  test('a function calling itself', () => {
    expect(errorOf(() => inlineFunctions.run(recursiveFunctions(['f'])))).toEqual({ code: 'E_GRAPH', message: "function bomb::f calls itself (bomb::f → bomb::f); it cannot be inlined (called by node 'call')" });
  });

  test('functions calling each other', () => {
    expect(errorOf(() => inlineFunctions.run(recursiveFunctions(['f', 'g', 'h'])))).toEqual({ code: 'E_GRAPH', message: "function bomb::f calls itself (bomb::f → bomb::g → bomb::h → bomb::f); it cannot be inlined (called by node 'call')" });
  });

  test('a function calling itself from inside an If branch', () => {
    const branch: Graph = { ...emptyGraph('then'), nodes: [{ name: 'again', op: 'f', domain: 'bomb', inputs: ['x'], outputs: ['z'], attributes: {} }], outputs: [{ name: 'z' }] };
    const ifNode: Node = { name: 'if', op: 'If', domain: '', inputs: ['c'], outputs: ['y'], attributes: { then_branch: { type: 'graph', value: branch }, else_branch: { type: 'graph', value: branch } } };
    const m = modelCalling('f', [{ name: 'f', domain: 'bomb', inputs: ['x', 'c'], outputs: ['y'], attributes: [], opsetImports: [], nodes: [ifNode] }]);
    expect(errorOf(() => inlineFunctions.run(m))).toEqual({ code: 'E_GRAPH', message: "function bomb::f calls itself (bomb::f → bomb::f); it cannot be inlined (called by node 'call')" });
  });

  test('a chain nested deeper than 64 functions is refused, 60 is fine', () => {
    expect(errorOf(() => inlineFunctions.run(functionChain(100)))).toEqual({ code: 'E_GRAPH', message: 'function calls are nested deeper than 64 levels (bomb::c0 → … → bomb::c64)' });
    expect(inlineFunctions.run(functionChain(60)).graph.nodes.map((n) => n.op)).toEqual(['Relu']);
  });
});

describe('no spread of unbounded arrays into calls', () => {
  test('src/ has no push(...x) left except over fixed lists', () => {
    const allowed = new Set(['plugins/plugin-test.ts']); // report.checks.push(...formatChecks()): a fixed list of checks
    const offenders: string[] = [];
    const walk = (dir: string, rel: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(join(dir, e.name), r);
        else if (e.name.endsWith('.ts') && !allowed.has(r) && /\.push\(\.\.\./.test(readFileSync(join(dir, e.name), 'utf8'))) offenders.push(r);
      }
    };
    walk(join(import.meta.dir, '..', '..', 'src'), '');
    expect(offenders).toEqual([]);
  });

  test('the verifier reports a cycle through a value read by 800,000 nodes', () => {
    const readers: Node[] = Array.from({ length: 800_000 }, (_, i) => ({ name: `r${i}`, op: 'Relu', domain: '', inputs: ['a'], outputs: [`o${i}`], attributes: {} }));
    const graph: Graph = {
      ...emptyGraph('g'),
      nodes: [{ name: 'head', op: 'Add', domain: '', inputs: ['x', 'o0'], outputs: ['a'], attributes: {} }, ...readers],
      inputs: [{ name: 'x' }],
      outputs: [{ name: 'o1' }],
    };
    const e = errorOf(() => verifyModel({ irVersion: 8, opsetImports: [{ domain: '', version: 17 }], metadata: {}, graph, functions: [] }));
    expect(e).toEqual({ code: 'E_GRAPH', message: "Add node 'head': is part of a cycle through 'o0'" });
  });

  test('subgraphsOf a node with 800,000 graphs', () => {
    const g = emptyGraph('b');
    const node: Node = { name: 'n', op: 'X', domain: '', inputs: [], outputs: [], attributes: { gs: { type: 'graphs', value: new Array<Graph>(800_000).fill(g) } } };
    expect(subgraphsOf(node).length).toBe(800_000);
  });

  test('broadcasting over 1,000,000 shapes', () => {
    expect(broadcastShape(new Array<number[]>(1_000_000).fill([2]))).toEqual([2]);
  });
});
