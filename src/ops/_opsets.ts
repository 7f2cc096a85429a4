/**
 * The newest opset of each op domain that hodu reads. An op's schema is supported from its `sinceVersion` up to
 * this (or to its own `untilVersion` when ONNX deprecated it): a model importing opset 16 runs `Not` even though
 * `Not` last changed at opset 1. The ONNX decoder refuses default-domain opsets above NEWEST_OPSETS[''] (a test
 * keeps the two equal).
 */
import type { OpSchema } from './schema';
import { HODU_DOMAIN, TRAINING_DOMAIN } from '../ir/op-id';

export const NEWEST_OPSETS: Readonly<Record<string, number>> = {
  '': 21,
  [TRAINING_DOMAIN]: 1,
  [HODU_DOMAIN]: 1,
};

/** The opsets `schema` is supported in, inclusive. */
export function opsetRange(schema: Pick<OpSchema, 'domain' | 'sinceVersion' | 'untilVersion'>): [number, number] {
  const newest = NEWEST_OPSETS[schema.domain] ?? schema.sinceVersion;
  return [schema.sinceVersion, Math.min(schema.untilVersion ?? newest, newest)];
}

/** The type constraint that names an op's data type: the widest one (Conv's T, Gather's T, Cast's T1, If's V). */
export function mainTypeConstraint(schema: Pick<OpSchema, 'types'>): string | undefined {
  let best: string | undefined;
  for (const [name, dtypes] of Object.entries(schema.types)) {
    if (best === undefined || dtypes.length > schema.types[best]!.length) best = name;
  }
  return best;
}
