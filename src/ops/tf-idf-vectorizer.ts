import type { Dim } from '../ir/graph';
import { defineOp } from './schema';

// TfIdfVectorizer-9: X [C] or [N, C] (string/int32/int64) → float32 [max(ngram_indexes)+1] or [N, that].
export default defineOp({
  op: 'TfIdfVectorizer',
  sinceVersion: 9,
  versions: [9], types: { T: ['int32', 'int64', 'string'], T1: ['float32'] },
  inputs: [{ name: 'X', type: 'T' }],
  outputs: [{ name: 'Y', type: 'T1' }],
  attributes: {
    max_gram_length: { type: 'int', required: true },
    min_gram_length: { type: 'int', required: true },
    max_skip_count: { type: 'int', required: true },
    mode: { type: 'string', required: true },
    ngram_counts: { type: 'ints', required: true },
    ngram_indexes: { type: 'ints', required: true },
    pool_int64s: { type: 'ints' },
    pool_strings: { type: 'strings' },
    weights: { type: 'floats' },
  },
  infer(ctx) {
    const x = ctx.inputs[0];
    const size = ctx.attr<number[]>('ngram_indexes').reduce((m, i) => Math.max(m, i), -1) + 1; // not Math.max(...list): unbounded
    const shape: Dim[] | undefined = x?.shape ? (x.shape.length === 2 ? [x.shape[0]!, size] : [size]) : undefined;
    return [{ dtype: 'float32', shape }];
  },
});
