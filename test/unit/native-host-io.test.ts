/**
 * The host side of an in-process native run, on the cpu backend library that `bun build.ts` writes next to
 * the binary (dist/embedded): aligned buffers of every size, zero-size tensors.
 */
import { beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { Tensor } from '../../src/ir/tensor';
import { alignedBytes, isAligned } from '../../src/plugins/native/binding';
import { checkNativePlanMemory, setNativeMemoryLimit } from '../../src/plugins/native/memory-budget';
import { HEAP_COPY_MIN_BYTES } from '../../src/plugins/native/native-heap';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import type { BackendPlugin } from '../../src/sdk/backend';
import { requireBinary } from '../e2e/hodu';
import { ir } from './passes-support/build';

const LIB = join(import.meta.dir, '..', '..', 'dist', 'embedded', 'libhodu_cpu.so');
let cpu: BackendPlugin;

beforeAll(() => {
  requireBinary(); // dist/embedded is written with it
  cpu = loadNativeBackend(LIB, probeNativeLibrary(LIB, 'cpu'));
});

test('alignedBytes is 64-byte aligned for every size, small ones included (bun keeps tiny typed arrays inline)', () => {
  const kept: Uint8Array[] = [];
  for (let round = 0; round < 50; round++) {
    for (let n = 1; n <= 130; n++) {
      const b = alignedBytes(n);
      expect(b.byteLength).toBe(n);
      expect(isAligned(b)).toBe(true);
      if (round % 10 === 0) kept.push(b);
    }
  }
  Bun.gc(true); // the bytes must not move with the object either
  expect(kept.filter((b) => !isAligned(b)).length).toBe(0);
});

test('a graph input with zero elements runs (it is given a valid pointer) and its output has zero elements', async () => {
  const model = ir(`
    graph g (x: float32[0, 3], z: float32[2]) -> (y: ?, w: ?) {
      y = Relu(x)
      w = Relu(z)
    }`);
  const session = await cpu.createSession(model);
  const out = await session.run(new Map([
    ['x', new Tensor('float32', [0, 3], new Float32Array(0))],
    ['z', new Tensor('float32', [2], new Float32Array([-1, 2]))],
  ]));
  const y = out.get('y') as Tensor;
  expect(y.dims).toEqual([0, 3]);
  expect(y.data.length).toBe(0);
  expect([...(out.get('w') as Tensor).data]).toEqual([0, 2]);
  session.dispose?.();
});

// Outputs come from buffers the plan reuses every run: what a caller was handed must not change with the next run.
/** Hardmax has no cpu kernel: the interp runs it between two native partitions. */
const chain = ir(`
  graph g (x: float32[2,4]) -> (y: ?, r: ?) {
    init w: float32[4,4] = [0.5,0,0,0, 0,1,0,0, 0,0,-1,0, 0,0,0,2]
    %a = MatMul(x, %w)
    r = Relu(%a)
    %e = Hardmax(r)
    y = MatMul(%e, %w)
  }`);
const feed = (k: number) => new Map([['x', new Tensor('float32', [2, 4], Float32Array.from({ length: 8 }, (_, i) => (i - 3) * k))]]);
const snapshot = (out: Map<string, unknown>) => [...out].map(([n, t]) => [n, [...(t as Tensor).data]]);

test('outputs a native session returned stay as they were after its next runs', async () => {
  const session = await cpu.createSession(ir(`
    graph g (x: float32[2,4]) -> (r: ?) {
      init w: float32[4,4] = [0.5,0,0,0, 0,1,0,0, 0,0,-1,0, 0,0,0,2]
      r = MatMul(x, %w)
    }`));
  const first = await session.run(feed(1));
  const before = snapshot(first);
  const second = await session.run(feed(2));
  expect(snapshot(first)).toEqual(before);
  expect(snapshot(second)).not.toEqual(before);
  session.dispose?.();
});

test('large outputs (copied to C-heap memory the collector frees) stay valid while anything views them, across runs and collections', async () => {
  const n = 64 * 1024; // 256 KiB of float32: over HEAP_COPY_MIN_BYTES
  expect(n * 4).toBeGreaterThanOrEqual(HEAP_COPY_MIN_BYTES);
  const session = await cpu.createSession(ir(`
    graph g (x: float32[${n}]) -> (y: ?) {
      y = Relu(x)
    }`));
  const input = (k: number) => Float32Array.from({ length: n }, (_, i) => ((i * 7 + k * 13) % 101) - 50);
  const want = (k: number) => input(k).map((v) => Math.max(v, 0));
  const kept: { k: number; bytes: Uint8Array }[] = [];
  for (let k = 0; k < 40; k++) {
    const y = (await session.run(new Map([['x', new Tensor('float32', [n], input(k))]]))).get('y') as Tensor;
    expect(y.data).toEqual(want(k));
    // Every third output is kept only through another view of its buffer; the rest are dropped for the collector.
    if (k % 3 === 0) kept.push({ k, bytes: new Uint8Array((y.data as Float32Array).buffer, (y.data as Float32Array).byteOffset, n * 4) });
    if (k % 5 === 4) Bun.gc(true);
  }
  Bun.gc(true);
  for (const { k, bytes } of kept) expect(new Float32Array(bytes.buffer, bytes.byteOffset, n)).toEqual(want(k));
  session.dispose?.();
});

test('a partitioned run (native, interp, native) hands each value on and returns outputs no later run overwrites', async () => {
  const interp = (await import('../../src/backends/interp/index')).default;
  const { createPartitionedSession } = await import('../../src/runtime/partition/session');
  const { Executor } = await import('../../src/backends/interp/executor');
  const session = createPartitionedSession(chain, cpu as BackendPlugin & { kernels: readonly string[] }, interp);
  const first = await session.run(feed(1));
  expect(session.explain()!.partitions.map((p) => p.backend)).toEqual(['cpu', 'interp', 'cpu']);
  const before = snapshot(first);
  expect(before).toEqual(snapshot(new Executor(chain).run(feed(1)) as Map<string, unknown>).map(([n, d]) => [n, (d as number[]).map((v) => Math.fround(v))]));
  for (const k of [2, 3]) {
    const out = await session.run(feed(k));
    expect(snapshot(out)).not.toEqual(before);
  }
  expect(snapshot(first)).toEqual(before);
  session.dispose();
});

test('--max-memory: a native plan is checked before the plugin allocates it (RSS now + arena + buffers), only while a limit is set', async () => {
  // x[1024,1024] -> Relu -> Relu -> y: the arena holds the 4 MiB middle value, inputs and outputs 8 MiB.
  const model = ir(`
    graph g (x: float32[1024, 1024]) -> (y: ?) {
      %h = Relu(x)
      y = Relu(%h)
    }`);
  const feeds = new Map([['x', new Tensor('float32', [1024, 1024], new Float32Array(1024 * 1024))]]);
  const rss = process.memoryUsage.rss();
  const clear = setNativeMemoryLimit({ value: rss + (1 << 20), source: 'flag', from: '--max-memory' });
  try {
    const session = await cpu.createSession(model);
    const error = await session.run(feeds).catch((e) => e);
    expect(error.code).toBe('E_MEMORY_LIMIT');
    expect(error.message).toMatch(/before backend 'cpu' allocated its plan: .*\(arena 4 MiB \+ manifest [\d.]+ (B|KiB) \+ input and output buffers 8 MiB \+ packed weights 0 B\), over --max-memory/);
    session.dispose?.();
  } finally {
    clear();
  }
  const session = await cpu.createSession(model);
  expect(((await session.run(feeds)).get('y') as Tensor).dims).toEqual([1024, 1024]);
  session.dispose?.();
});

test('--max-memory: the packed copy of the weights a plugin keeps counts toward a native plan', () => {
  const MiB = 1 << 20;
  const clear = setNativeMemoryLimit({ value: 100 * MiB, source: 'flag', from: '--max-memory' });
  try {
    const plan = { arena: 10 * MiB, manifest: 30 * MiB, io: 10 * MiB };
    expect(() => checkNativePlanMemory({ ...plan, packed: 0 }, 'cpu', () => 40 * MiB)).not.toThrow();
    expect(() => checkNativePlanMemory({ ...plan, packed: 30 * MiB }, 'cpu', () => 40 * MiB)).toThrow(/packed weights 30 MiB\), over --max-memory/);
  } finally {
    clear();
  }
});
