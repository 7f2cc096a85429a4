/**
 * resolveWindow: a window longer than its padded input is an E_SHAPE naming the node (onnxruntime refuses it too);
 * an empty input stays an empty output, and a window that just fits gives one position.
 */
import { describe, expect, test } from 'bun:test';
import { HoduError } from '../../src/errors';
import { resolveWindow } from '../../src/ops/_window-geometry';

const node = { name: 'stem_conv', op: 'Conv' };
const window = (size: number, pads?: number[], autoPad = 'NOTSET') =>
  resolveWindow([size, size], { autoPad, kernel: [3, 3], pads }, node);

describe('resolveWindow output extents', () => {
  test('a 3×3 window over 2×2 without padding has no output position: E_SHAPE naming the node', () => {
    let err: unknown;
    try {
      window(2);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HoduError);
    expect((err as HoduError).code).toBe('E_SHAPE');
    expect((err as HoduError).message).toContain('stem_conv');
    expect((err as HoduError).message).toContain('shorter than the window');
    expect((err as HoduError).hint).toContain('hodu inspect');
  });
  test('VALID padding refuses it the same way', () => {
    expect(() => window(2, undefined, 'VALID')).toThrow('shorter than the window');
  });
  test('padding that makes it fit gives positions', () => {
    expect(window(2, [1, 1, 1, 1]).out).toEqual([2, 2]);
    expect(window(3).out).toEqual([1, 1]);
  });
  test('an empty input gives an empty output, not an error', () => {
    expect(window(0).out).toEqual([0, 0]);
  });
  test('symbolic dims stay symbolic', () => {
    expect(resolveWindow(['h', 4], { autoPad: 'NOTSET', kernel: [3, 3] }, node).out).toEqual(['?', 2]);
  });
});
