/**
 * Gives each --profile timing its FLOP count. A backend that reports the shapes a node ran with (the interp)
 * is counted from those; for the others (a native backend times steps, not shapes) the shapes come from
 * inference over the model with the fed shapes, which covers the main graph: a body node (If/Loop/Scan) a
 * native backend ran has no count then, rather than a guess.
 */
import type { Graph, Model, Node } from '../../ir/graph';
import { subgraphsOf } from '../../ir/subgraphs';
import type { NodeTiming, RuntimeValue } from '../../sdk/backend';
import type { CountedTiming } from '../profile-summary';
import { inferWithFeeds } from '../partition/facts';
import { flopCount, type Shapes } from './flops';

function indexNodes(g: Graph, into: Map<string, Node>): Map<string, Node> {
  for (const n of g.nodes) {
    if (!into.has(n.name)) into.set(n.name, n);
    for (const s of subgraphsOf(n)) indexNodes(s, into);
  }
  return into;
}

type ShapeOf = (value: string) => number[] | null;

/** Shapes of the main graph's values at the fed shapes, computed on first use (most runs never need them). */
function staticShapes(model: Model, feeds: ReadonlyMap<string, RuntimeValue>): ShapeOf {
  let facts: ReturnType<typeof inferWithFeeds>['facts'] | undefined;
  return (value) => {
    if (value === '') return null;
    try {
      facts ??= inferWithFeeds(model, feeds).facts;
    } catch {
      facts = new Map(); // best effort: no inference, no counts
    }
    const shape = facts.get(value)?.shape;
    return shape && shape.every((d): d is number => typeof d === 'number') ? shape : null;
  };
}

function nodeFlops(node: Node | undefined, op: string, shapes: NodeTiming['shapes'] | undefined, shapeOf: ShapeOf): number | undefined {
  const inputs: Shapes = shapes?.inputs ?? node?.inputs.map(shapeOf) ?? [];
  const outputs: Shapes = shapes?.outputs ?? node?.outputs.map(shapeOf) ?? [];
  return flopCount({ op: node?.op ?? op, attributes: node?.attributes }, inputs, outputs);
}

/** The timings with `flops` where their op has a count (a fused step: the sum of its nodes' known counts). */
export function countFlops(timings: readonly NodeTiming[], model: Model, feeds: ReadonlyMap<string, RuntimeValue>): CountedTiming[] {
  const nodes = indexNodes(model.graph, new Map());
  const shapeOf = staticShapes(model, feeds);
  return timings.map((t) => {
    const own = nodeFlops(nodes.get(t.node), t.op, t.shapes, shapeOf);
    const fused = (t.fused ?? []).map((f) => nodeFlops(nodes.get(f.node), f.op, undefined, shapeOf));
    const known = [own, ...fused].filter((f): f is number => f !== undefined);
    return known.length ? { ...t, flops: known.reduce((a, b) => a + b, 0) } : t;
  });
}
