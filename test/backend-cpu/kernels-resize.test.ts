// backend-cpu's Resize (resize.c) against the interp on random inputs: nearest with every nearest_mode and
// coordinate_transformation_mode, linear (1-D, bilinear, trilinear) and cubic, up and down, scales and sizes,
// tf_crop_and_resize with a roi and extrapolation, exclude_outside, antialias, axes, keep_aspect_ratio_policy,
// and the opset 10 and 11 forms; odd sizes and size-1 dims.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { describeWithTools } from '../support/optional-tools';
import { compareWithInterp, float, i64, installCpu, int, ints, type CpuHome, type KernelCase } from './support';

const f32 = (...v: number[]): Tensor => fromNumbers('float32', [v.length], v);
const str = (value: string) => ({ type: 'string' as const, value });
const COORDS = ['half_pixel', 'half_pixel_symmetric', 'pytorch_half_pixel', 'align_corners', 'asymmetric', 'tf_half_pixel_for_nn'];
const NEAREST = ['round_prefer_floor', 'round_prefer_ceil', 'floor', 'ceil'];

/** Resize-19 cases: X dims, then scales or sizes (the other null), the attributes. */
const resize = (x: number[], scales: Tensor | null, sizes: Tensor | null, attrs: KernelCase['attrs'], roi: Tensor | null = null): KernelCase =>
  ({ op: 'Resize', inputs: [x, roi, scales, sizes], attrs });

describeWithTools(['cc'], 'backend-cpu Resize equals the interp (rtol 1e-4, atol 1e-5)', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test('nearest: every nearest_mode × coordinate mode, ×2, ×1.7 and ×0.6 scales, sizes', async () => {
    const cases: KernelCase[] = [];
    for (const nearest_mode of NEAREST) {
      for (const coordinate_transformation_mode of COORDS) {
        const attrs = { mode: str('nearest'), nearest_mode: str(nearest_mode), coordinate_transformation_mode: str(coordinate_transformation_mode) };
        cases.push(
          resize([1, 3, 5, 7], f32(1, 1, 2, 2), null, attrs),
          resize([2, 1, 7, 5], f32(1, 1, 1.7, 0.6), null, attrs),
          resize([1, 2, 4, 1], null, i64(1, 2, 9, 3), attrs),
        );
      }
    }
    expect(await compareWithInterp(cpu, 'resize-nearest', cases, 19)).toEqual([]);
  });

  test('linear and cubic: every coordinate mode, up and down, 1-D, 2-D and 3-D, size-1 axes', async () => {
    const cases: KernelCase[] = [];
    for (const mode of ['linear', 'cubic']) {
      for (const coordinate_transformation_mode of COORDS) {
        const attrs = { mode: str(mode), coordinate_transformation_mode: str(coordinate_transformation_mode) };
        cases.push(
          resize([1, 3, 5, 7], f32(1, 1, 2, 2), null, attrs),
          resize([2, 2, 9, 6], f32(1, 1, 0.5, 0.7), null, attrs),
          resize([1, 1, 1, 4], null, i64(1, 1, 3, 5), attrs),
          resize([11], f32(1.5), null, attrs),
          resize([1, 2, 3, 4, 5], null, i64(1, 2, 5, 3, 8), attrs),
        );
      }
    }
    cases.push(resize([1, 2, 6, 5], f32(1, 1, 1.5, 2.5), null, { mode: str('cubic'), cubic_coeff_a: float(-0.5) }));
    expect(await compareWithInterp(cpu, 'resize-filter', cases, 19)).toEqual([]);
  });

  test('tf_crop_and_resize with a roi and extrapolation_value, exclude_outside, antialias', async () => {
    const cases: KernelCase[] = [];
    const crop = { coordinate_transformation_mode: str('tf_crop_and_resize'), extrapolation_value: float(-3.5) };
    for (const mode of ['nearest', 'linear', 'cubic']) {
      cases.push(
        resize([1, 1, 6, 7], null, i64(1, 1, 5, 4), { ...crop, mode: str(mode) }, f32(0, 0, 0.2, -0.3, 1, 1, 1.2, 0.9)),
        resize([1, 2, 5, 5], f32(1, 1, 1.6, 0.8), null, { ...crop, mode: str(mode) }, f32(0, 0, 0.4, 0.4, 1, 1, 0.6, 0.6)),
      );
    }
    cases.push(
      resize([1, 2, 7, 6], f32(1, 1, 1.5, 2), null, { mode: str('cubic'), exclude_outside: int(1) }),
      resize([1, 2, 9, 12], f32(1, 1, 0.4, 0.55), null, { mode: str('linear'), antialias: int(1) }),
      resize([1, 2, 9, 12], f32(1, 1, 0.4, 0.55), null, { mode: str('cubic'), antialias: int(1) }),
      resize([1, 1, 8, 8], null, i64(1, 1, 3, 5), { mode: str('cubic'), antialias: int(1), exclude_outside: int(1) }),
      resize([1, 2, 5, 6], f32(1, 1, 1.5, 2), null, { mode: str('linear'), antialias: int(1) }),
    );
    expect(await compareWithInterp(cpu, 'resize-crop-aa', cases, 19)).toEqual([]);
  });

  test('axes and keep_aspect_ratio_policy (opset 18+)', async () => {
    const cases: KernelCase[] = [];
    for (const mode of ['nearest', 'linear']) {
      const m = { mode: str(mode) };
      cases.push(
        resize([1, 3, 5, 7], f32(2, 3), null, { ...m, axes: ints(2, 3) }),
        resize([1, 3, 5, 7], null, i64(9), { ...m, axes: ints(-1) }),
        resize([2, 3, 5, 7], null, i64(4, 4), { ...m, axes: ints(2, 3), keep_aspect_ratio_policy: str('not_larger') }),
        resize([2, 3, 5, 7], null, i64(4, 4), { ...m, axes: ints(2, 3), keep_aspect_ratio_policy: str('not_smaller') }),
        resize([1, 1, 6, 9], null, i64(1, 1, 10, 10), { ...m, keep_aspect_ratio_policy: str('not_larger') }),
      );
    }
    expect(await compareWithInterp(cpu, 'resize-axes', cases, 19)).toEqual([]);
  });

  test('opset 10 (X, scales: asymmetric, legacy rounding) and opset 11 (roi, scales, sizes)', async () => {
    const v10: KernelCase[] = ['nearest', 'linear'].flatMap((mode) => [
      { op: 'Resize', inputs: [[1, 2, 3, 5], f32(1, 1, 2, 1.5)], attrs: { mode: str(mode) } },
      { op: 'Resize', inputs: [[1, 2, 7, 5], f32(1, 1, 0.5, 0.6)], attrs: { mode: str(mode) } },
    ]);
    expect(await compareWithInterp(cpu, 'resize-10', v10, 10)).toEqual([]);
    const v11: KernelCase[] = [
      { op: 'Resize', inputs: [[1, 2, 3, 5], f32(), f32(1, 1, 2, 2)], attrs: { mode: str('nearest') } },
      { op: 'Resize', inputs: [[1, 2, 3, 5], f32(), f32(), i64(1, 2, 7, 4)], attrs: { mode: str('linear'), coordinate_transformation_mode: str('align_corners') } },
      { op: 'Resize', inputs: [[1, 2, 3, 5], f32(), f32(1, 1, 2, 2)], attrs: { mode: str('cubic'), coordinate_transformation_mode: str('asymmetric') } },
    ];
    expect(await compareWithInterp(cpu, 'resize-11', v11, 11)).toEqual([]);
  });

  test('Upsample-9 (X, scales) and Upsample-7 (scales attribute) run as the legacy Resize', async () => {
    const v9: KernelCase[] = [
      { op: 'Upsample', inputs: [[1, 2, 3, 5], f32(1, 1, 2, 2)], attrs: { mode: str('nearest') } },
      { op: 'Upsample', inputs: [[2, 3, 4, 3], f32(1, 1, 1.5, 3)], attrs: { mode: str('nearest') } },
      { op: 'Upsample', inputs: [[1, 2, 3, 5], f32(1, 1, 2, 1.5)], attrs: { mode: str('linear') } },
    ];
    expect(await compareWithInterp(cpu, 'upsample-9', v9, 9)).toEqual([]);
    const scales = (...value: number[]) => ({ type: 'floats' as const, value });
    const v7: KernelCase[] = [
      { op: 'Upsample', inputs: [[1, 2, 3, 4]], attrs: { mode: str('nearest'), scales: scales(1, 1, 2, 2) } },
      { op: 'Upsample', inputs: [[2, 3, 5, 3]], attrs: { mode: str('linear'), scales: scales(1, 1, 1.5, 3) } },
      { op: 'Upsample', inputs: [[1, 1, 3, 7]], attrs: { mode: str('nearest'), scales: scales(1, 2, 2.5, 1.25) } },
      { op: 'Upsample', inputs: [[4, 5]], attrs: { mode: str('linear'), scales: scales(1, 1) } },
    ];
    // compareWithInterp counts a node the plugin refused (run on the interp) as a mismatch.
    expect(await compareWithInterp(cpu, 'upsample-7', v7, 7)).toEqual([]);
  });
});
