/** Case generation and the in-process targets: what one fuzz case is and how its outcome is classified. */
import { join } from 'node:path';
import interp from '../../src/backends/interp/index';
import { HoduError } from '../../src/errors';
import { decodeModel } from '../../src/formats/onnx/decode';
import { loadFormat } from '../../src/formats/registry';
import { feedInputs, type Model } from '../../src/ir/graph';
import { sizeOf, type Tensor } from '../../src/ir/tensor';
import { verifyModel } from '../../src/ir/verifier';
import { randomTensor } from '../../src/runtime/bind-inputs';
import { mulberry32 } from '../../src/util/prng';
import { caseSeed, makeRand, mutateBytes } from './mutate';
import type { FuzzFormat } from './seeds';
import { mutateNpy, mutateNpz, mutateOnnx, mutateSafetensors } from './structured';

export const EXTENSIONS: Record<FuzzFormat, string> = { onnx: '.onnx', npy: '.npy', npz: '.npz', safetensors: '.safetensors' };

/** Random inputs above this many elements are not generated in-process (the fuzz is about loaders). */
const MAX_FEED_ELEMENTS = 1 << 20;

export type Outcome =
  | { kind: 'ok' }
  | { kind: 'error'; code: string; wrapped: boolean; message: string }
  | { kind: 'bug'; message: string };

/** The bytes of case `index`: a seed file, mutated structurally, by bytes, or both. Pure in (seed, format, index). */
export async function makeCase(seeds: Uint8Array[], format: FuzzFormat, seed: number, index: number): Promise<Uint8Array> {
  const r = makeRand(caseSeed(seed, format, index));
  const base = r.pick(seeds);
  const mode = r.next();
  let out = base;
  // 60 % structural only, 15 % structural then bytes, 25 % bytes only.
  if (mode < 0.75) {
    if (format === 'npy') out = mutateNpy(base, r);
    else if (format === 'npz') out = await mutateNpz(base, r);
    else if (format === 'safetensors') out = mutateSafetensors(base, r);
    else out = mutateOnnx(base, r);
  }
  if (mode >= 0.6) out = mutateBytes(out, r);
  return out;
}

/**
 * Feeds one file to the loader the way `hodu` would: through the format plugin; for models also the verifier,
 * the interp's op check and, when the inputs are small and typed, one run on random inputs.
 */
export async function loadCase(format: FuzzFormat, bytes: Uint8Array, dir: string): Promise<void> {
  const path = join(dir, `case${EXTENSIONS[format]}`);
  const plugin = await loadFormat(format);
  if (format !== 'onnx') {
    await plugin.loadTensors!(bytes, { path });
    return;
  }
  const model = decodeModel(bytes, { path });
  verifyModel(model);
  if (interp.unsupportedOps!(model).length) return;
  const feeds = smallRandomFeeds(model);
  if (!feeds) return;
  const session = await interp.createSession(model);
  await session.run(feeds);
}

function smallRandomFeeds(model: Model): Map<string, Tensor> | undefined {
  const rand = mulberry32(1);
  const feeds = new Map<string, Tensor>();
  let total = 0;
  for (const info of feedInputs(model.graph)) {
    const t = info.type;
    if (t?.kind !== 'tensor' || !t.shape || !t.shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) return undefined;
    total += sizeOf(t.shape as number[]);
    if (total > MAX_FEED_ELEMENTS) return undefined;
    feeds.set(info.name, randomTensor(t.dtype, t.shape as number[], rand));
  }
  return feeds;
}

/** Success, a HoduError (the contract), or anything else (a bug). `wrapped`: a kernel error whose cause was not a HoduError. */
export async function classify(run: () => Promise<void>): Promise<Outcome> {
  try {
    await run();
    return { kind: 'ok' };
  } catch (e) {
    if (e instanceof HoduError) return { kind: 'error', code: e.code, wrapped: e.cause !== undefined && !(e.cause instanceof HoduError), message: e.message };
    const err = e as Error;
    const where = err?.stack?.split('\n').find((l) => l.includes('/src/'))?.trim() ?? '';
    return { kind: 'bug', message: `${err?.name ?? typeof e}: ${err?.message ?? String(e)} ${where}`.trim() };
  }
}
