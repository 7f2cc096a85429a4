/**
 * Shared pieces of the signal ops (DFT, STFT, the window functions): a complex DFT in float64 — radix-2 FFT
 * when the length is a power of two, the direct O(n²) sum otherwise — and the generalized cosine windows.
 */

/**
 * In-place DFT of the complex vector (re, im) of length n: X[k] = Σ x[j]·e^{∓2πi·jk/n} (minus sign forward,
 * plus sign and a 1/n scale when `inverse`).
 */
export function dft(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  if (n <= 1) return;
  if ((n & (n - 1)) === 0) fft(re, im, inverse);
  else direct(re, im, inverse);
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i]! /= n;
      im[i]! /= n;
    }
  }
}

// Twiddles indexed by (j·k mod n) so the angle stays exact for large j·k.
function direct(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  const sign = inverse ? 1 : -1;
  const cos = new Float64Array(n);
  const sin = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    cos[t] = Math.cos((2 * Math.PI * t) / n);
    sin[t] = sign * Math.sin((2 * Math.PI * t) / n);
  }
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let j = 0, t = 0; j < n; j++, t = (t + k) % n) {
      sr += re[j]! * cos[t]! - im[j]! * sin[t]!;
      si += re[j]! * sin[t]! + im[j]! * cos[t]!;
    }
    outRe[k] = sr;
    outIm[k] = si;
  }
  re.set(outRe);
  im.set(outIm);
}

// Iterative Cooley–Tukey: bit-reversal permutation, then log2(n) butterfly stages.
function fft(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  const sign = inverse ? 1 : -1;
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    for (let k = 0; k < half; k++) {
      // Each twiddle from cos/sin directly (not by repeated multiplication) to keep float64 accuracy.
      const wr = Math.cos((2 * Math.PI * k) / len);
      const wi = sign * Math.sin((2 * Math.PI * k) / len);
      for (let s = 0; s < n; s += len) {
        const a = s + k;
        const b = a + half;
        const tr = re[b]! * wr - im[b]! * wi;
        const ti = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a]! += tr;
        im[a]! += ti;
      }
    }
  }
}

/**
 * A generalized cosine window of `size` samples: w[n] = Σ_m (-1)^m·a[m]·cos(2πmn/N), N = size (periodic)
 * or size - 1 (symmetric). A symmetric window of one sample is [1] (N would be 0), as numpy's windows do.
 */
export function cosineWindow(size: number, periodic: boolean, coeffs: readonly number[]): Float64Array {
  const w = new Float64Array(size);
  const N = periodic ? size : size - 1;
  if (N === 0) return w.fill(1);
  for (let n = 0; n < size; n++) {
    let v = 0;
    for (let m = 0; m < coeffs.length; m++) v += (m % 2 === 0 ? 1 : -1) * coeffs[m]! * Math.cos((2 * Math.PI * m * n) / N);
    w[n] = v;
  }
  return w;
}
