import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'min and max inputs', op: 'Clip', inputs: [t('float32', [5], [-2, -1, 0, 1, 2]), t('float32', [], [-1]), t('float32', [], [1])], outputs: [t('float32', [5], [-1, -1, 0, 1, 1])] },
  { name: 'only max', op: 'Clip', inputs: [t('float32', [3], [-5, 0, 5]), null, t('float32', [], [1])], outputs: [t('float32', [3], [-5, 0, 1])] },
  { name: 'no bounds is identity', op: 'Clip', inputs: [t('float32', [2], [-1e30, 1e30])], outputs: [t('float32', [2], [-1e30, 1e30])] },
  { name: 'min > max gives max', op: 'Clip', inputs: [t('float32', [3], [-1, 0, 5]), t('float32', [], [2]), t('float32', [], [1])], outputs: [t('float32', [3], [1, 1, 1])] },
  { name: 'int32 (opset 12)', op: 'Clip', opset: 12, inputs: [t('int32', [3], [-7, 3, 9]), t('int32', [], [0]), t('int32', [], [5])], outputs: [t('int32', [3], [0, 3, 5])] },
  { name: 'int64 exact (opset 13)', op: 'Clip', opset: 13, inputs: [t('int64', [2], [9007199254740993n, -1n]), t('int64', [], [0n]), null], outputs: [t('int64', [2], [9007199254740993n, 0n])] },
  { name: 'opset 6 attributes', op: 'Clip', opset: 6, attrs: { min: attr.float(-0.5), max: attr.float(0.5) }, inputs: [t('float32', [3], [-2, 0.25, 2])], outputs: [t('float32', [3], [-0.5, 0.25, 0.5])] },
  { name: 'opset 6 only min', op: 'Clip', opset: 6, attrs: { min: attr.float(0) }, inputs: [t('float32', [2], [-2, 3e38])], outputs: [t('float32', [2], [0, 3e38])] },
  { name: 'non-scalar bound rejected', op: 'Clip', inputs: [t('float32', [2], [1, 2]), t('float32', [2], [0, 0])], throws: 'E_SHAPE' },
];
