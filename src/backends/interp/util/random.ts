import type { KernelContext } from '../kernel';

/**
 * The PRNG behind Random*, Bernoulli, Multinomial and training-mode Dropout. ONNX does not specify a stream
 * (only that a given seed is reproducible), so hodu uses xoshiro128** seeded through splitmix32: small,
 * fast, and the same on every platform. Without a seed attribute the spec asks for an auto-generated one.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | undefined;

  constructor(seed: number) {
    // Mix both 32-bit halves of the seed's float64 bits so that 1.0 and 2.0 give unrelated streams.
    const bits = new Uint32Array(new Float64Array([seed]).buffer);
    let x = (bits[0]! ^ Math.imul(bits[1]!, 0x9e3779b9)) >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** Next 32 random bits. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Standard normal (Box-Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spare !== undefined) {
      const v = this.spare;
      this.spare = undefined;
      return v;
    }
    const u = 1 - this.uniform(); // (0, 1]: log(u) stays finite
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * this.uniform();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** An Rng from the node's `seed` attribute, or from a fresh seed when the node has none. */
export function rngFor(ctx: KernelContext): Rng {
  const seed = ctx.attr<number | undefined>('seed');
  return new Rng(seed ?? Math.random() * 2 ** 32);
}
