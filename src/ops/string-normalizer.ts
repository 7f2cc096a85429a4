import type { Dim } from '../ir/graph';
import { defineOp } from './schema';

// StringNormalizer-10: X string [C] or [1, C] → [C'] or [1, C'] (C' unknown: stopwords are removed).
export default defineOp({
  op: 'StringNormalizer',
  sinceVersion: 10,
  versions: [10], types: {  },
  inputs: [{ name: 'X', type: 'string' }],
  outputs: [{ name: 'Y', type: 'string' }],
  attributes: {
    case_change_action: { type: 'string', default: 'NONE' },
    is_case_sensitive: { type: 'int', default: 0 },
    locale: { type: 'string', default: '' },
    stopwords: { type: 'strings', default: [] },
  },
  infer(ctx) {
    const x = ctx.inputs[0];
    const shape: Dim[] | undefined = x?.shape ? (x.shape.length === 2 ? [1, '?'] : ['?']) : undefined;
    return [{ dtype: 'string', shape }];
  },
});
