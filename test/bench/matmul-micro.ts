/**
 * Micro benchmark of the interp backend's blocked gemm core: prints GFLOP/s for a 1024³ float32 product.
 * Usage: bun test/bench/matmul-micro.ts [size] [repeats]. Not a test: nothing here asserts a time.
 */
import { gemm } from '../../src/backends/interp/util/gemm';

const size = Number(process.argv[2] ?? 1024);
const repeats = Number(process.argv[3] ?? 3);
const a = new Float32Array(size * size).map((_, i) => ((i * 7) % 13) / 13 - 0.5);
const b = new Float32Array(size * size).map((_, i) => ((i * 5) % 11) / 11 - 0.5);
const c = new Float32Array(size * size);

gemm({ m: 64, n: 64, k: 64, a, b, c }); // warm up the JIT on a small problem
let best = Infinity;
for (let r = 0; r < repeats; r++) {
  const t0 = performance.now();
  gemm({ m: size, n: size, k: size, a, b, c });
  best = Math.min(best, performance.now() - t0);
}
const gflops = (2 * size ** 3) / (best / 1000) / 1e9;
console.log(`gemm ${size}x${size}x${size} float32: best ${best.toFixed(1)} ms, ${gflops.toFixed(2)} GFLOP/s`);
