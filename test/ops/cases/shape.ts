import { attr, t, type OpCase } from '../op-case';

const x = t('string', [2, 3, 4, 1], new Array(24).fill('s'));

export const cases: OpCase[] = [
  { name: 'shape of a string tensor', op: 'Shape', inputs: [x], outputs: [t('int64', [4], [2, 3, 4, 1])] },
  { name: 'shape of a scalar', op: 'Shape', inputs: [t('float32', [], [1])], outputs: [t('int64', [0], [])] },
  { name: 'shape start/end (opset 15)', op: 'Shape', opset: 15, attrs: { start: attr.int(1), end: attr.int(-1) }, inputs: [x], outputs: [t('int64', [2], [3, 4])] },
  { name: 'shape clamps start/end', op: 'Shape', opset: 15, attrs: { start: attr.int(-10), end: attr.int(10) }, inputs: [x], outputs: [t('int64', [4], [2, 3, 4, 1])] },
  { name: 'shape start after end is empty', op: 'Shape', opset: 15, attrs: { start: attr.int(3), end: attr.int(1) }, inputs: [x], outputs: [t('int64', [0], [])] },
  { name: 'shape ignores start before opset 15', op: 'Shape', opset: 13, attrs: { start: attr.int(2) }, inputs: [x], outputs: [t('int64', [4], [2, 3, 4, 1])] },
];
