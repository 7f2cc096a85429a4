/**
 * backend-cpu's ArgMax/ArgMin (src/arg-max.c), GlobalMaxPool (src/pool.c), DepthToSpace and SpaceToDepth
 * (src/depth-to-space.c) against the interp, exactly (indices and moved values must be the same bits): every
 * axis (negative too), keepdims both ways, select_last_index on data full of ties and NaN, odd sizes, size-1
 * and size-0 dims; DCR and CRD. Every node must run on cpu.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { describeWithTools } from '../support/optional-tools';
import { installCpu, int, type CpuHome } from './support';
import { compareExactly, type Case } from './typed-cases';

const rand = mulberry32(1203);
/** float32 values; with `levels`, integers in [-levels, levels] (many ties), else uniform in [-1, 1). */
function data(dims: number[], levels = 0, nanEvery = 0): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  const v = Array.from({ length: n }, (_, i) =>
    nanEvery && i % nanEvery === 3 ? NaN : levels ? Math.floor(rand() * (2 * levels + 1)) - levels : rand() * 2 - 1);
  return fromNumbers('float32', dims, v);
}

describeWithTools(['cc'], 'backend-cpu ArgMax/ArgMin, GlobalMaxPool, DepthToSpace/SpaceToDepth equal the interp exactly', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('ArgMax and ArgMin: every axis, keepdims 0 and 1, ties with and without select_last_index, NaN', async () => {
    const shapes = [[7], [3, 5], [2, 3, 9], [4, 1, 6], [2, 0, 3], [1, 1]];
    const cases: Case[] = [];
    for (const op of ['ArgMax', 'ArgMin']) {
      for (const dims of shapes) {
        for (let axis = -dims.length; axis < dims.length; axis++) {
          if (dims[axis < 0 ? axis + dims.length : axis] === 0) continue; // an empty axis has no extreme
          for (const [keepdims, last, levels] of [[1, 0, 0], [0, 0, 2], [1, 1, 2], [0, 1, 1]]) {
            cases.push({ op, inputs: [data(dims, levels)], out: 'int64', attrs: { axis: int(axis), keepdims: int(keepdims!), select_last_index: int(last!) } });
          }
        }
      }
      cases.push({ op, inputs: [data([5, 8], 1, 5)], out: 'int64', attrs: { axis: int(1) } }); // NaN never wins
      cases.push({ op, inputs: [data([6, 4], 1, 5)], out: 'int64', attrs: { axis: int(0), select_last_index: int(1) } });
      cases.push({ op, inputs: [data([3, 4])], out: 'int64' }); // default axis 0, keepdims 1
    }
    expect(await compareExactly(cpu, 'arg-extreme', cases, 13)).toEqual([]);
  });

  test('ArgMax at opset 11 (no select_last_index) and 1 (non-negative axis)', async () => {
    const cases: Case[] = [
      { op: 'ArgMax', inputs: [data([3, 7], 2)], out: 'int64', attrs: { axis: int(-1) } },
      { op: 'ArgMin', inputs: [data([5, 2, 3])], out: 'int64', attrs: { axis: int(1), keepdims: int(0) } },
    ];
    expect(await compareExactly(cpu, 'arg-extreme-11', cases, 11)).toEqual([]);
    expect(await compareExactly(cpu, 'arg-extreme-1', [{ ...cases[1]!, attrs: { axis: int(2) } }], 9)).toEqual([]);
  });

  test('GlobalMaxPool: 1-3 spatial dims, odd and size-1 planes, NaN in a plane', async () => {
    const cases: Case[] = [[2, 3, 5], [1, 4, 7, 9], [2, 2, 3, 1, 5], [3, 1, 1, 1], [1, 2, 33, 17]].map((d) => ({ op: 'GlobalMaxPool', inputs: [data(d)], out: 'float32' }));
    cases.push({ op: 'GlobalMaxPool', inputs: [data([2, 3, 4, 5], 0, 17)], out: 'float32' });
    expect(await compareExactly(cpu, 'global-max-pool', cases)).toEqual([]);
  });

  test('DepthToSpace DCR and CRD, SpaceToDepth: blocksizes 1-3, odd H and W, several images', async () => {
    const cases: Case[] = [];
    for (const [dims, b] of [[[1, 4, 3, 5], 2], [[2, 18, 2, 3], 3], [[1, 8, 1, 1], 2], [[2, 3, 4, 5], 1], [[1, 12, 7, 3], 2]] as [number[], number][]) {
      if (dims[1]! % (b * b) === 0) {
        for (const mode of ['DCR', 'CRD']) cases.push({ op: 'DepthToSpace', inputs: [data(dims)], out: 'float32', attrs: { blocksize: int(b), mode: { type: 'string', value: mode } } });
      }
    }
    for (const [dims, b] of [[[1, 3, 4, 6], 2], [[2, 2, 9, 3], 3], [[1, 5, 2, 2], 2], [[2, 1, 3, 5], 1]] as [number[], number][]) {
      cases.push({ op: 'SpaceToDepth', inputs: [data(dims)], out: 'float32', attrs: { blocksize: int(b) } });
    }
    expect(await compareExactly(cpu, 'depth-space', cases, 13)).toEqual([]);
    // Opset 1: DepthToSpace had no mode (DCR).
    expect(await compareExactly(cpu, 'depth-space-1', [{ op: 'DepthToSpace', inputs: [data([1, 8, 3, 2])], out: 'float32', attrs: { blocksize: int(2) } }], 9)).toEqual([]);
  });
});
