import { nodeError } from '../../../ir/node-error';
import { Tensor } from '../../../ir/tensor';
import { defineKernel, tensorInput, type KernelContext } from '../kernel';
import { storeOf } from '../util/copy';

/** One n-gram as a lookup key; JSON keeps strings containing any separator unambiguous. */
function keyOf(items: readonly (string | number)[]): string {
  return JSON.stringify(items);
}

/**
 * The pool as key → n-gram id. ngram_counts[i] is where the (i+1)-grams start in the pool; ids run over
 * the pool in order, and ngram_indexes[id] is the output slot of n-gram `id`.
 */
function buildPool(ctx: KernelContext, strings: boolean): Map<string, number> {
  const pool: (string | number)[] = strings ? (ctx.attr<string[] | undefined>('pool_strings') ?? []) : (ctx.attr<number[] | undefined>('pool_int64s') ?? []);
  const counts = ctx.attr<number[]>('ngram_counts');
  const ids = new Map<string, number>();
  let id = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = i + 1;
    const start = counts[i]!;
    const end = i + 1 < counts.length ? counts[i + 1]! : pool.length;
    if (start > end || end > pool.length || (end - start) % n !== 0) {
      throw nodeError(ctx.node, 'E_ATTR', `ngram_counts [${counts}] do not split a pool of ${pool.length} items into ${n}-grams`);
    }
    for (let p = start; p < end; p += n) ids.set(keyOf(pool.slice(p, p + n)), id++);
  }
  return ids;
}

// Counts, for each row, every n-gram of length min..max whose items are `skip+1` apart (skip 0..max_skip_count)
// that is in the pool; unigrams are counted once (skips do not change them), as onnxruntime does. Then
// TF = count, IDF = weight if count > 0, TFIDF = count·weight (weights default to 1), per pool n-gram.
export default defineKernel('TfIdfVectorizer', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const strings = x.dtype === 'string';
  if (!strings && x.dtype !== 'int32' && x.dtype !== 'int64') {
    throw nodeError(ctx.node, 'E_DTYPE', `X must be string, int32 or int64, got ${x.dtype}`);
  }
  if (x.rank !== 1 && x.rank !== 2) throw nodeError(ctx.node, 'E_SHAPE', `X must be [C] or [N, C], got [${x.dims}]`);
  const mode = ctx.attr<string>('mode');
  if (mode !== 'TF' && mode !== 'IDF' && mode !== 'TFIDF') {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `unknown mode '${mode}'`, 'expected TF, IDF or TFIDF');
  }
  const minN = ctx.attr<number>('min_gram_length');
  const maxN = ctx.attr<number>('max_gram_length');
  const maxSkip = ctx.attr<number>('max_skip_count');
  if (minN < 1 || maxN < minN || maxSkip < 0) {
    throw nodeError(ctx.node, 'E_ATTR', `need 1 <= min_gram_length (${minN}) <= max_gram_length (${maxN}) and max_skip_count (${maxSkip}) >= 0`);
  }
  const pool = buildPool(ctx, strings);
  const indexes = ctx.attr<number[]>('ngram_indexes');
  const weights = ctx.attr<number[] | undefined>('weights') ?? [];
  if (indexes.length < pool.size || indexes.some((i) => i < 0)) {
    throw nodeError(ctx.node, 'E_ATTR', `ngram_indexes has ${indexes.length} entries for ${pool.size} pool n-grams (all must be >= 0)`);
  }
  const outSize = indexes.reduce((m, i) => Math.max(m, i), -1) + 1; // not Math.max(...indexes): the list is unbounded
  const rows = x.rank === 2 ? x.dims[0]! : 1;
  const cols = x.dims[x.rank - 1]!;
  const items = Array.from(storeOf(x.data), (v) => (typeof v === 'bigint' ? Number(v) : v)) as (string | number)[];
  const out = new Float32Array(rows * outSize);
  const counts = new Float64Array(pool.size);
  const gram: (string | number)[] = [];
  for (let r = 0; r < rows; r++) {
    counts.fill(0);
    const row = r * cols;
    let firstN = minN;
    for (let dist = 1; dist <= maxSkip + 1 && firstN <= maxN; dist++) {
      for (let s = 0; s < cols; s++) {
        gram.length = 0;
        for (let n = 1, p = s; n <= maxN && p < cols; n++, p += dist) {
          gram.push(items[row + p]!);
          if (n < firstN) continue;
          const id = pool.get(keyOf(gram));
          if (id !== undefined) counts[id]!++;
        }
      }
      if (firstN === 1) firstN = 2;
    }
    for (let id = 0; id < pool.size; id++) {
      const c = counts[id]!;
      const w = weights.length > 0 ? weights[id]! : 1;
      const v = mode === 'TF' ? c : mode === 'IDF' ? (c > 0 ? w : 0) : c * w;
      out[r * outSize + indexes[id]!] += v;
    }
  }
  return [new Tensor('float32', x.rank === 2 ? [rows, outSize] : [outSize], out)];
});
