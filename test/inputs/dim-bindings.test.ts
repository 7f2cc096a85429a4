import { describe, expect, test } from 'bun:test';
import { applyDimBindings, parseDimBinding, symbolicInputDims } from '../../src/runtime/dim-bindings';
import { HoduError } from '../../src/errors';
import { GraphBuilder } from '../models/builder';

function twoInputModel() {
  const b = new GraphBuilder('dims', 1);
  const x = b.input('x', ['batch', 'seq', 4]);
  const y = b.input('y', ['batch', '?', 4]);
  b.output(b.rename(b.node('Add', [x, y]), 'z'), ['batch', 'seq', 4]);
  return b.model('two inputs sharing batch');
}

function usageError(f: () => unknown): HoduError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(HoduError);
    expect((e as HoduError).code).toBe('E_USAGE');
    return e as HoduError;
  }
  throw new Error('expected an E_USAGE error');
}

describe('parseDimBinding', () => {
  test('NAME=N', () => {
    expect(parseDimBinding('batch=1')).toEqual({ name: 'batch', size: 1 });
    expect(parseDimBinding('a=b=7')).toEqual({ name: 'a=b', size: 7 });
  });
  test('bad specs are E_USAGE with an example', () => {
    for (const bad of ['batch', '=3', 'batch=', 'batch=-1', 'batch=1.5', 'batch=x', 'batch=99999999999999999']) {
      expect(usageError(() => parseDimBinding(bad)).hint).toContain('--dim batch=1');
    }
  });
});

describe('applyDimBindings', () => {
  test('sets every input (and output) dim of that name, leaves the model untouched', () => {
    const m = twoInputModel();
    const bound = applyDimBindings(m, [{ name: 'batch', size: 3 }]);
    const shapes = bound.graph.inputs.map((i) => (i.type?.kind === 'tensor' ? i.type.shape : undefined));
    expect(shapes).toEqual([[3, 'seq', 4], [3, '?', 4]]);
    expect(bound.graph.outputs[0]!.type).toEqual({ kind: 'tensor', dtype: 'float32', shape: [3, 'seq', 4] });
    expect(m.graph.inputs[0]!.type).toEqual({ kind: 'tensor', dtype: 'float32', shape: ['batch', 'seq', 4] });
  });
  test('the symbolic dims are the named ones, not ?', () => {
    expect(symbolicInputDims(twoInputModel())).toEqual(['batch', 'seq']);
  });
  test('an unknown name lists the symbolic dims the model has', () => {
    const e = usageError(() => applyDimBindings(twoInputModel(), [{ name: 'batc', size: 1 }]));
    expect(e.message).toContain('batch, seq');
    expect(e.hint).toContain("did you mean 'batch'");
  });
  test('one name bound to two sizes is E_USAGE; the same size twice is fine', () => {
    usageError(() => applyDimBindings(twoInputModel(), [{ name: 'seq', size: 1 }, { name: 'seq', size: 2 }]));
    expect(applyDimBindings(twoInputModel(), [{ name: 'seq', size: 2 }, { name: 'seq', size: 2 }]).graph.inputs[0]!.type).toEqual({ kind: 'tensor', dtype: 'float32', shape: ['batch', 2, 4] });
  });
});
