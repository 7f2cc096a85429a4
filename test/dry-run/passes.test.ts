/** passChange and recordPassChanges, pure: what each pass changed, by node identity (op, inputs, outputs) and weights. */
import { expect, test } from 'bun:test';
import type { Model } from '../../src/ir/graph';
import type { Pass } from '../../src/passes/pass';
import { optimize } from '../../src/passes/pipeline';
import { passChange, recordPassChanges, type PassChange } from '../../src/runtime/dry-run/passes';
import { ir } from '../unit/passes-support/build';

const pass = (name: string): Pass => ({ name, level: 1, run: (m: Model) => m });

test('the same model back is no change; a rewired node counts one removed and one added', () => {
  const before = ir(`
    graph g (x: float32[2]) -> (y: ?) {
      %a = Identity(x)
      y = Relu(%a)
    }`);
  expect(passChange(pass('p'), before, before)).toBeUndefined();
  const after = ir(`
    graph g (x: float32[2]) -> (y: ?) {
      y = Relu(x)
    }`);
  expect(passChange(pass('p'), before, after)).toEqual({ pass: 'p', removed: 2, added: 1, weightsRemoved: 0, weightsAdded: 0, nodesBefore: 2, nodesAfter: 1 });
});

test('a new model object with the same nodes and weights is not reported', () => {
  const m = ir(`
    graph g (x: float32[2]) -> (y: ?) {
      y = Relu(x)
    }`);
  expect(passChange(pass('p'), m, { ...m, graph: { ...m.graph } })).toBeUndefined();
});

test('through the pipeline at -O1: fold-constants turns Add(a, b) into a weight, eliminate-dead-code drops a and b', () => {
  const m = ir(`
    graph g (x: float32[2]) -> (y: ?) {
      init a: float32[2] = [1, 2]
      init b: float32[2] = [3, 4]
      %s = Add(%a, %b)
      y = Mul(x, %s)
    }`);
  const changes: PassChange[] = [];
  optimize(m, 1, { afterPass: recordPassChanges(m, changes) });
  const fold = changes.find((c) => c.pass === 'fold-constants');
  // The Add node goes and its value s becomes a weight of the same name, so Mul is untouched.
  expect(fold).toEqual({ pass: 'fold-constants', removed: 1, added: 0, weightsRemoved: 0, weightsAdded: 1, nodesBefore: 2, nodesAfter: 1 });
  expect(changes.find((c) => c.pass === 'eliminate-dead-code')).toMatchObject({ removed: 0, added: 0, weightsRemoved: 2, weightsAdded: 0 });
  expect(changes.map((c) => c.pass)).toEqual(['fold-constants', 'eliminate-dead-code']);
});
