/**
 * Randomized checks of the interp backend's fast paths (blocked gemm, im2col2d, depthwise, sliced conv,
 * ConvTranspose) against naive loops written straight from the definitions:
 *   gemm:          C[i,j] = alpha · Σ_p op(A)[i,p] · op(B)[p,j] + beta · C[i,j]
 *   Conv:          Y[n,oc,o] = B[oc] + Σ_{ic in group, k} X[n, g·Cg+ic, o·s − padBegin + k·d] · W[oc, ic, k]
 *   ConvTranspose: Y[n, g·Mg+oc, i·s − padBegin + k·d] += X[n, g·Cg+ic, i] · W[g·Cg+ic, oc, k]
 * Shapes are odd on purpose and some exceed the gemm's block sizes (MC 96, KC 256, NC 2048) and the conv's
 * column-slice budget, so edge tiles and slice boundaries that fall mid-row are exercised.
 */
import { describe, expect, test } from 'bun:test';
import convKernel from '../../src/backends/interp/kernels/conv';
import convTransposeKernel from '../../src/backends/interp/kernels/conv-transpose';
import { makeContext } from '../../src/backends/interp/kernel';
import { gemm } from '../../src/backends/interp/util/gemm';
import type { Attribute, Node } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';

const rand = mulberry32(20240611);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const values = (n: number) => Array.from({ length: n }, () => rand() * 2 - 1);

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol: number, what: string): void {
  expect(got.length).toBe(want.length);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i]! - want[i]!) / (1 + Math.abs(want[i]!));
    if (!(err <= worst)) [worst, at] = [err, i];
  }
  if (worst > tol) throw new Error(`${what}: element ${at} is ${got[at]}, expected ${want[at]} (rel. error ${worst})`);
}

describe('gemm vs naive triple loop', () => {
  type Storage = 'f32' | 'f64' | 'i32' | 'array';
  const store = (kind: Storage, xs: number[]): ArrayLike<number> =>
    kind === 'f32' ? Float32Array.from(xs) : kind === 'f64' ? Float64Array.from(xs) : kind === 'i32' ? Int32Array.from(xs, (v) => Math.round(v * 4)) : xs;
  const shapes: [number, number, number][] = [
    [1, 1, 1], [1, 7, 3], [5, 1, 9], [3, 5, 0], [4, 8, 256], [5, 9, 257], [97, 13, 31], [13, 2049, 3], [101, 67, 300], [33, 40, 520],
  ];
  const cases = shapes.flatMap(([m, n, k], i) => [
    { m, n, k, transA: false, transB: false, a: 'f32', b: 'f32', c: 'f32', alpha: 1, beta: 0 },
    { m, n, k, transA: true, transB: false, a: 'f64', b: 'f32', c: 'f64', alpha: -0.5, beta: 0.25 },
    { m, n, k, transA: false, transB: true, a: 'f32', b: 'i32', c: 'f64', alpha: 2, beta: 1 },
    { m, n, k, transA: true, transB: true, a: (['array', 'i32', 'f64'] as const)[i % 3], b: 'f64', c: 'f32', alpha: 1, beta: 0 },
  ] as const);
  for (const t of cases) {
    test(`${t.m}×${t.n}×${t.k} transA=${t.transA} transB=${t.transB} A:${t.a} B:${t.b} C:${t.c} alpha=${t.alpha} beta=${t.beta}`, () => {
      const { m, n, k } = t;
      // Padded leading dimensions and offsets check that packing honours lda/ldb/ldc.
      const lda = (t.transA ? m : k) + 2;
      const ldb = (t.transB ? k : n) + 1;
      const ldc = n + 3;
      const [aOff, bOff, cOff] = [5, 2, 7];
      const a = store(t.a, values(aOff + (t.transA ? k : m) * lda));
      const b = store(t.b, values(bOff + (t.transB ? n : k) * ldb));
      const c0 = values(cOff + m * ldc);
      const c = t.c === 'f32' ? Float32Array.from(c0) : Float64Array.from(c0);
      const want = Float64Array.from(c);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let p = 0; p < k; p++) {
            const av = a[aOff + (t.transA ? p * lda + i : i * lda + p)]!;
            const bv = b[bOff + (t.transB ? j * ldb + p : p * ldb + j)]!;
            s += av * bv;
          }
          const at = cOff + i * ldc + j;
          want[at] = t.alpha * s + (t.beta === 0 ? 0 : t.beta * want[at]!);
        }
      }
      gemm({ m, n, k, a, aOffset: aOff, lda, transA: t.transA, b, bOffset: bOff, ldb, transB: t.transB, c, cOffset: cOff, ldc, alpha: t.alpha, beta: t.beta });
      expectClose(c, t.c === 'f32' ? Float32Array.from(want) : want, t.c === 'f32' ? 1e-5 : 1e-12, 'C');
    });
  }

  test('beta = 0 ignores NaN already in C', () => {
    const c = new Float64Array([NaN, NaN]);
    gemm({ m: 1, n: 2, k: 1, a: [2], b: [3, 4], c, beta: 0 });
    expect([...c]).toEqual([6, 8]);
  });
});

interface ConvCase {
  batch: number; c: number; m: number; group: number;
  image: number[]; kernel: number[]; strides: number[]; dilations: number[]; pads: number[];
  bias: boolean; dtype: 'float32' | 'float64';
}

const ints = (value: number[]): Attribute => ({ type: 'ints', value }) as Attribute;
const intAttr = (value: number): Attribute => ({ type: 'int', value }) as Attribute;

function runKernel(kernel: typeof convKernel, op: string, inputs: Tensor[], attributes: Record<string, Attribute>): Tensor {
  const node: Node = { name: 'under_test', op, domain: '', inputs: inputs.map((_, i) => `in${i}`), outputs: ['y'], attributes };
  const ctx = makeContext(node, 17, () => []);
  return kernel.run(inputs, ctx)[0] as Tensor;
}

const tensor = (dtype: ConvCase['dtype'], dims: number[]) => {
  const n = dims.reduce((x, y) => x * y, 1);
  const data = dtype === 'float32' ? Float32Array.from(values(n)) : Float64Array.from(values(n));
  return new Tensor(dtype, dims, data);
};

/** Row-major flat index of a multi-index. */
const flatIndex = (idx: number[], dims: number[]) => idx.reduce((acc, v, a) => acc * dims[a]! + v, 0);
/** All multi-indices of `dims` in row-major order. */
function* positions(dims: number[]): Generator<number[]> {
  const total = dims.reduce((x, y) => x * y, 1);
  for (let f = 0; f < total; f++) {
    const idx = new Array<number>(dims.length);
    let r = f;
    for (let a = dims.length - 1; a >= 0; a--) {
      idx[a] = r % dims[a]!;
      r = Math.floor(r / dims[a]!);
    }
    yield idx;
  }
}

function naiveConv(t: ConvCase, x: Tensor, w: Tensor, b: Tensor | undefined): { dims: number[]; data: Float64Array } {
  const r = t.image.length;
  const out = t.image.map((size, a) => Math.floor((size + t.pads[a]! + t.pads[a + r]! - ((t.kernel[a]! - 1) * t.dilations[a]! + 1)) / t.strides[a]!) + 1);
  const outSize = out.reduce((p, q) => p * q, 1);
  const inSize = t.image.reduce((p, q) => p * q, 1);
  const kSize = t.kernel.reduce((p, q) => p * q, 1);
  const [cg, mg] = [t.c / t.group, t.m / t.group];
  const y = new Float64Array(t.batch * t.m * outSize);
  for (let n = 0; n < t.batch; n++) {
    for (let oc = 0; oc < t.m; oc++) {
      const g = Math.floor(oc / mg);
      for (const o of positions(out)) {
        let s = b ? b.data[oc] as number : 0;
        for (let ic = 0; ic < cg; ic++) {
          for (const k of positions(t.kernel)) {
            const i = o.map((ov, a) => ov * t.strides[a]! - t.pads[a]! + k[a]! * t.dilations[a]!);
            if (i.some((v, a) => v < 0 || v >= t.image[a]!)) continue;
            const xv = x.data[(n * t.c + g * cg + ic) * inSize + flatIndex(i, t.image)] as number;
            const wv = w.data[(oc * cg + ic) * kSize + flatIndex(k, t.kernel)] as number;
            s += xv * wv;
          }
        }
        y[(n * t.m + oc) * outSize + flatIndex(o, out)] = s;
      }
    }
  }
  return { dims: [t.batch, t.m, ...out], data: y };
}

function randomConvCase(i: number): ConvCase {
  const r = [2, 2, 2, 1, 3][i % 5]!;
  const kind = i % 4; // 0 plain, 1 grouped, 2 depthwise, 3 depthwise with channel multiplier
  const c = kind >= 2 ? int(1, 5) : int(1, 4) * (kind === 1 ? 2 : 1);
  const group = kind === 0 ? 1 : kind === 1 ? 2 : c;
  const m = kind === 3 ? 2 * c : kind === 2 ? c : group * int(1, 4);
  const kernel = Array.from({ length: r }, () => int(1, r === 3 ? 2 : 4));
  const dilations = Array.from({ length: r }, () => int(1, 2));
  const pads = Array.from({ length: 2 * r }, (_, a) => int(0, kernel[a % r]! - 1 + 1));
  const image = kernel.map((k, a) => (k - 1) * dilations[a]! + 1 + int(0, r === 3 ? 3 : 9) - Math.min(pads[a]!, 1));
  const strides = Array.from({ length: r }, () => int(1, 3));
  return { batch: int(1, 2), c, m, group, image, kernel, strides, dilations, pads, bias: i % 3 !== 0, dtype: i % 2 ? 'float64' : 'float32' };
}

describe('Conv vs naive sliding window', () => {
  const fixed: ConvCase[] = [
    // 64·3·3 = 576 column rows → slices of 455 positions over a 24×24 output: a slice boundary mid-row.
    { batch: 1, c: 64, m: 8, group: 1, image: [24, 24], kernel: [3, 3], strides: [1, 1], dilations: [1, 1], pads: [1, 1, 1, 1], bias: true, dtype: 'float32' },
    // 1×1 stride 1 unpadded: the pointwise path (X is the column matrix).
    { batch: 2, c: 6, m: 5, group: 1, image: [7, 9], kernel: [1, 1], strides: [1, 1], dilations: [1, 1], pads: [0, 0, 0, 0], bias: true, dtype: 'float64' },
    // 1×1 with stride 2: not pointwise.
    { batch: 1, c: 3, m: 4, group: 1, image: [9, 8], kernel: [1, 1], strides: [2, 2], dilations: [1, 1], pads: [0, 0, 0, 0], bias: false, dtype: 'float32' },
    // Depthwise 3×3 stride 2 with asymmetric pads, as in MobileNet.
    { batch: 1, c: 16, m: 16, group: 16, image: [15, 14], kernel: [3, 3], strides: [2, 2], dilations: [1, 1], pads: [0, 1, 1, 0], bias: true, dtype: 'float32' },
    // Pads wider than the kernel reach: whole output rows/columns of padding only.
    { batch: 1, c: 2, m: 3, group: 1, image: [3, 4], kernel: [2, 2], strides: [1, 1], dilations: [1, 1], pads: [3, 2, 3, 4], bias: true, dtype: 'float64' },
  ];
  const cases = [...fixed, ...Array.from({ length: 60 }, (_, i) => randomConvCase(i))];
  cases.forEach((t, i) => {
    test(`#${i} ${t.dtype} N${t.batch} C${t.c} M${t.m} g${t.group} img[${t.image}] k[${t.kernel}] s[${t.strides}] d[${t.dilations}] p[${t.pads}]${t.bias ? ' +bias' : ''}`, () => {
      const x = tensor(t.dtype, [t.batch, t.c, ...t.image]);
      const w = tensor(t.dtype, [t.m, t.c / t.group, ...t.kernel]);
      const b = t.bias ? tensor(t.dtype, [t.m]) : undefined;
      const want = naiveConv(t, x, w, b);
      const y = runKernel(convKernel, 'Conv', b ? [x, w, b] : [x, w], {
        group: intAttr(t.group), strides: ints(t.strides), dilations: ints(t.dilations), pads: ints(t.pads),
      });
      expect(y.dims).toEqual(want.dims);
      expect(y.dtype).toBe(t.dtype);
      expectClose(y.data as Float64Array, want.data, t.dtype === 'float32' ? 1e-5 : 1e-12, 'Y');
    });
  });
});

describe('ConvTranspose vs naive scatter', () => {
  for (let i = 0; i < 30; i++) {
    const r = [2, 1, 2, 3][i % 4]!;
    const group = i % 3 === 1 ? 2 : 1;
    const cg = int(1, 3);
    const mg = int(1, 3);
    const kernel = Array.from({ length: r }, () => int(1, 3));
    const strides = Array.from({ length: r }, () => int(1, 3));
    const dilations = Array.from({ length: r }, () => int(1, 2));
    // Total padding per axis stays within the kernel's reach, so every output extent is positive.
    const begins = kernel.map((k, a) => int(0, (k - 1) * dilations[a]!));
    const ends = kernel.map((k, a) => int(0, (k - 1) * dilations[a]! - begins[a]!));
    const pads = [...begins, ...ends];
    const image = Array.from({ length: r }, () => int(1, r === 3 ? 3 : 6));
    const dtype = i % 2 ? 'float64' : 'float32';
    test(`#${i} ${dtype} g${group} Cg${cg} Mg${mg} img[${image}] k[${kernel}] s[${strides}] d[${dilations}] p[${pads}]`, () => {
      const [batch, c, m] = [int(1, 2), cg * group, mg * group];
      const x = tensor(dtype, [batch, c, ...image]);
      const w = tensor(dtype, [c, mg, ...kernel]);
      const b = tensor(dtype, [m]);
      const out = image.map((size, a) => (size - 1) * strides[a]! + (kernel[a]! - 1) * dilations[a]! + 1 - pads[a]! - pads[a + r]!);
      const outSize = out.reduce((p, q) => p * q, 1);
      const inSize = image.reduce((p, q) => p * q, 1);
      const kSize = kernel.reduce((p, q) => p * q, 1);
      const want = new Float64Array(batch * m * outSize);
      for (let n = 0; n < batch; n++) {
        for (let oc = 0; oc < m; oc++) want.fill(b.data[oc] as number, (n * m + oc) * outSize, (n * m + oc + 1) * outSize);
        for (let ic = 0; ic < c; ic++) {
          const g = Math.floor(ic / cg);
          for (const iPos of positions(image)) {
            const xv = x.data[(n * c + ic) * inSize + flatIndex(iPos, image)] as number;
            for (let oc = 0; oc < mg; oc++) {
              for (const k of positions(kernel)) {
                const o = iPos.map((v, a) => v * strides[a]! - pads[a]! + k[a]! * dilations[a]!);
                if (o.some((v, a) => v < 0 || v >= out[a]!)) continue;
                want[(n * m + g * mg + oc) * outSize + flatIndex(o, out)] += xv * (w.data[(ic * mg + oc) * kSize + flatIndex(k, kernel)] as number);
              }
            }
          }
        }
      }
      const y = runKernel(convTransposeKernel, 'ConvTranspose', [x, w, b], {
        group: intAttr(group), strides: ints(strides), dilations: ints(dilations), pads: ints(pads),
      });
      expect(y.dims).toEqual([batch, m, ...out]);
      expectClose(y.data as Float64Array, want, dtype === 'float32' ? 1e-5 : 1e-12, 'Y');
    });
  }
});
