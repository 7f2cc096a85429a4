import type { Dim } from '../ir/graph';
import { constInts, shapeError } from './_dim-inference';
import { defineOp } from './schema';
import { ALL } from './_types';

// Tile-1: inputs (input, tiles scalar, axis scalar); Tile-6/13: (input, repeats with one entry per dim).
export default defineOp({
  op: 'Tile',
  sinceVersion: 1,
  versions: [1, 6, 13], types: { T: ALL, T1: ['int64'] },
  inputs: [{ name: 'input', type: 'T' }, { name: 'repeats', type: 'T1' }, { name: 'axis', type: 'int64', optional: true }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: {},
  infer(ctx) {
    const x = ctx.inputs[0];
    if (!x?.shape) return [{ dtype: x?.dtype }];
    let repeats = constInts(ctx.inputs[1]);
    if (ctx.opset < 6) {
      const axis = constInts(ctx.inputs[2]);
      repeats = repeats && axis ? x.shape.map((_, i) => (i === axis[0] ? repeats![0]! : 1)) : undefined;
    }
    if (!repeats) return [{ dtype: x.dtype, shape: x.shape.map(() => '?') }];
    if (repeats.length !== x.shape.length) throw shapeError(ctx, `repeats has ${repeats.length} values for rank ${x.shape.length}`);
    return [{ dtype: x.dtype, shape: x.shape.map((d, i): Dim => (typeof d === 'number' ? d * repeats![i]! : repeats![i] === 1 ? d : '?')) }];
  },
});
