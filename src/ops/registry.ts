import { HoduError } from '../errors';
import type { OpSchema } from './schema';

const schemas = new Map<string, OpSchema>();

function key(domain: string, op: string): string {
  return `${domain === 'ai.onnx' ? '' : domain}::${op}`;
}

/** Defines (and registers) an op schema. Call once per op file. */
export function defineOp(schema: Omit<OpSchema, 'domain'> & { domain?: string }): OpSchema {
  const full: OpSchema = { domain: '', ...schema };
  const k = key(full.domain, full.op);
  if (schemas.has(k)) throw new HoduError('E_INTERNAL', `op ${full.op} registered twice`);
  schemas.set(k, full);
  return full;
}

export function getOpSchema(op: string, domain = ''): OpSchema | undefined {
  return schemas.get(key(domain, op));
}

export function allOpSchemas(): OpSchema[] {
  return [...schemas.values()].sort((a, b) => a.op.localeCompare(b.op));
}
