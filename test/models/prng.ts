import { mulberry32 } from '../../src/util/prng';

/** Seeded random numbers (mulberry32) so that generated model weights are identical on every run and machine. */
export class Prng {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Uniform in [-scale, scale). */
  uniform(scale: number): number {
    return (this.next() * 2 - 1) * scale;
  }
}
