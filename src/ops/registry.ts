import { HoduError } from '../errors';
import type { Node } from '../ir/graph';
import { opId } from '../ir/op-id';
import { readAttr } from './attrs';
import { OP_SCHEMAS } from './index';
import type { OpSchema } from './schema';

/** The map key of an op: its op id (`Op`, or `domain::Op`); the interp kernel registry uses this same key. */
export function opKey(domain: string, op: string): string {
  return opId(domain, op);
}

/**
 * Indexes definitions by `domain::op`, reporting a second definition of the same op (two files defining
 * it, or one file listed twice) instead of letting the later one win silently.
 */
export function indexByOp<T extends { op: string; domain: string }>(defs: readonly T[], what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const d of defs) {
    const k = opKey(d.domain, d.op);
    if (map.has(k)) throw new HoduError('E_INTERNAL', `${what} ${opId(d.domain, d.op)} is defined twice`);
    map.set(k, d);
  }
  return map;
}

// Built on first use from the generated list, so any importer sees every op whatever it imported before.
let schemas: Map<string, OpSchema> | undefined;
function schemaMap(): Map<string, OpSchema> {
  schemas ??= indexByOp(OP_SCHEMAS, 'op schema');
  return schemas;
}

export function getOpSchema(op: string, domain = ''): OpSchema | undefined {
  return schemaMap().get(opKey(domain, op));
}

export function allOpSchemas(): OpSchema[] {
  return [...schemaMap().values()].sort((a, b) => a.op.localeCompare(b.op));
}

/** An attribute of `node` with its schema's default applied: for code that has a node but no kernel/infer ctx. */
export function nodeAttr<T = unknown>(node: Node, name: string): T {
  return readAttr<T>(node, getOpSchema(node.op, node.domain), name);
}
