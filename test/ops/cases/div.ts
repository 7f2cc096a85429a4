import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32', op: 'Div', inputs: [t('float32', [3], [3, 1, -4]), t('float32', [3], [2, 0, 8])], outputs: [t('float32', [3], [1.5, Infinity, -0.5])] },
  { name: 'int32 truncates toward zero', op: 'Div', inputs: [t('int32', [4], [7, -7, 7, -7]), t('int32', [4], [2, 2, -2, -2])], outputs: [t('int32', [4], [3, -3, -3, 3])] },
  { name: 'int64 truncates toward zero', op: 'Div', inputs: [t('int64', [2], [-9, 9]), t('int64', [], [4])], outputs: [t('int64', [2], [-2, 2])] },
  {
    name: 'legacy broadcast scalar (opset 6)',
    op: 'Div',
    opset: 6,
    attrs: { broadcast: attr.int(1) },
    inputs: [t('float32', [2], [2, 4]), t('float32', [], [2])],
    outputs: [t('float32', [2], [1, 2])],
  },
];
