import type { Attribute } from '../../../src/ir/graph';
import { attr, t, type OpCase } from '../op-case';

// Pool: unigrams 1, 2, 3 (ids 0..2), then bigrams (1,2) id 3 and (2,3) id 4.
function attrs(mode: string, min: number, max: number, skip: number, extra: Record<string, Attribute> = {}): Record<string, Attribute> {
  return {
    mode: attr.string(mode),
    min_gram_length: attr.int(min),
    max_gram_length: attr.int(max),
    max_skip_count: attr.int(skip),
    ngram_counts: attr.ints([0, 3]),
    ngram_indexes: attr.ints([0, 1, 2, 3, 4]),
    pool_int64s: attr.ints([1, 2, 3, 1, 2, 2, 3]),
    ...extra,
  };
}
const X = t('int64', [5], [1, 2, 3, 1, 2]);

export const cases: OpCase[] = [
  {
    name: 'TF, uni- and bigrams, no skips',
    op: 'TfIdfVectorizer',
    opset: 9,
    attrs: attrs('TF', 1, 2, 0),
    inputs: [X],
    outputs: [t('float32', [5], [2, 2, 1, 2, 1])],
  },
  {
    // Row 0: unigrams once each, (1,2) found 2 apart with one skip. Row 1: unigram 2 twice, no bigram.
    name: 'TF, batch of int32 rows, skip 1 (unigrams counted once)',
    op: 'TfIdfVectorizer',
    opset: 9,
    attrs: attrs('TF', 1, 2, 1),
    inputs: [t('int32', [2, 3], [1, 3, 2, 2, 2, 9])],
    outputs: [t('float32', [2, 5], [1, 1, 1, 1, 0, 0, 2, 0, 0, 0])],
  },
  {
    // counts [2,2,1,2,1] · weights [0.5,1,1,2,3] = [1,2,1,4,3], written to slots [4,3,2,1,0].
    name: 'TFIDF with weights and permuted ngram_indexes',
    op: 'TfIdfVectorizer',
    opset: 9,
    attrs: attrs('TFIDF', 1, 2, 0, { weights: attr.floats([0.5, 1, 1, 2, 3]), ngram_indexes: attr.ints([4, 3, 2, 1, 0]) }),
    inputs: [X],
    outputs: [t('float32', [5], [3, 4, 1, 2, 1])],
  },
  {
    name: 'IDF: the weight when present, whatever the count',
    op: 'TfIdfVectorizer',
    opset: 9,
    attrs: attrs('IDF', 1, 2, 0, { weights: attr.floats([0.5, 1, 1, 2, 3]) }),
    inputs: [t('int64', [2], [1, 1])],
    outputs: [t('float32', [5], [0.5, 0, 0, 0, 0])],
  },
  {
    name: 'strings, bigrams only',
    op: 'TfIdfVectorizer',
    opset: 9,
    attrs: {
      mode: attr.string('TF'), min_gram_length: attr.int(2), max_gram_length: attr.int(2), max_skip_count: attr.int(0),
      ngram_counts: attr.ints([0, 0]), ngram_indexes: attr.ints([0]), pool_strings: attr.strings(['x', 'y']),
    },
    inputs: [t('string', [4], ['x', 'y', 'x', 'y'])],
    outputs: [t('float32', [1], [2])],
  },
  { name: 'unknown mode', op: 'TfIdfVectorizer', opset: 9, attrs: attrs('BM25', 1, 2, 0), inputs: [X], throws: 'E_UNSUPPORTED_ATTR' },
  { name: 'float input', op: 'TfIdfVectorizer', opset: 9, attrs: attrs('TF', 1, 2, 0), inputs: [t('float32', [1], [1])], throws: 'E_DTYPE' },
];
