import { expect, test } from 'bun:test';
import { Executor } from '../../src/backends/interp/executor';
import type { Value } from '../../src/backends/interp/kernel';
import { HoduError } from '../../src/errors';
import type { Model, Node } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';

// The empty-optional paths need two nodes (an OpCase cannot feed or expect an absent optional).
function run(nodes: Node[], outputs: string[]): Map<string, Value> {
  const model: Model = {
    irVersion: 8,
    opsetImports: [{ domain: '', version: 18 }],
    metadata: {},
    graph: { name: 'g', nodes, inputs: [], outputs: outputs.map((name) => ({ name })), valueInfo: [], initializers: new Map() },
    functions: [],
  };
  return new Executor(model).run(new Map());
}

const emptyOptional: Node = {
  name: 'opt',
  op: 'Optional',
  domain: '',
  inputs: [],
  outputs: ['o'],
  attributes: { type: { type: 'type_proto', value: { kind: 'tensor', dtype: 'float32' } } },
};

test('Optional with only a type is empty (null) and OptionalHasElement says false', () => {
  const out = run([emptyOptional, { name: 'has', op: 'OptionalHasElement', domain: '', inputs: ['o'], outputs: ['h'], attributes: {} }], ['o', 'h']);
  expect(out.get('o')).toBeNull();
  const h = out.get('h') as Tensor;
  expect(h.dtype).toBe('bool');
  expect(Array.from(h.data as Uint8Array)).toEqual([0]);
});

test('OptionalGetElement of an empty optional is an E_INPUT naming the node', () => {
  let err: unknown;
  try {
    run([emptyOptional, { name: 'get', op: 'OptionalGetElement', domain: '', inputs: ['o'], outputs: ['v'], attributes: {} }], ['v']);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(HoduError);
  expect((err as HoduError).code).toBe('E_INPUT');
  expect((err as HoduError).message).toContain("'get'");
});
