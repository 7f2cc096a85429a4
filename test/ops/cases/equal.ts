import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'float32 broadcast', op: 'Equal', inputs: [t('float32', [2, 2], [1, 2, 3, 2]), t('float32', [2], [1, 2])], outputs: [t('bool', [2, 2], [1, 1, 0, 1])] },
  { name: 'NaN is not equal to itself', op: 'Equal', inputs: [t('float32', [1], [NaN]), t('float32', [1], [NaN])], outputs: [t('bool', [1], [0])] },
  { name: 'int64 exact', op: 'Equal', inputs: [t('int64', [2], [9007199254740993n, 1n]), t('int64', [2], [9007199254740992n, 1n])], outputs: [t('bool', [2], [0, 1])] },
  { name: 'bool', op: 'Equal', inputs: [t('bool', [2], [1, 0]), t('bool', [2], [1, 1])], outputs: [t('bool', [2], [1, 0])] },
  { name: 'string (opset 19)', op: 'Equal', opset: 19, inputs: [t('string', [3], ['a', 'b', '']), t('string', [], ['b'])], outputs: [t('bool', [3], [0, 1, 0])] },
  { name: 'legacy broadcast (opset 1)', op: 'Equal', opset: 1, attrs: { broadcast: attr.int(1), axis: attr.int(0) }, inputs: [t('int32', [2, 2], [1, 1, 2, 3]), t('int32', [2], [1, 3])], outputs: [t('bool', [2, 2], [1, 1, 0, 1])] },
];
