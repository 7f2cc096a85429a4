import { Tensor } from '../../../src/ir/tensor';
import { attr, t, type OpCase } from '../op-case';

export const cases: OpCase[] = [
  { name: 'constant of shape default float zeros', op: 'ConstantOfShape', inputs: [t('int64', [2], [2, 2])], outputs: [t('float32', [2, 2], [0, 0, 0, 0])] },
  {
    name: 'constant of shape int64 value',
    op: 'ConstantOfShape',
    attrs: { value: attr.tensor(new Tensor('int64', [1], BigInt64Array.of(7n))) },
    inputs: [t('int64', [1], [3])],
    outputs: [t('int64', [3], [7, 7, 7])],
  },
  {
    name: 'constant of shape bool value, scalar shape',
    op: 'ConstantOfShape',
    attrs: { value: attr.tensor(new Tensor('bool', [1], Uint8Array.of(1))) },
    inputs: [t('int64', [0], [])],
    outputs: [t('bool', [], [true])],
  },
  { name: 'constant of shape with a zero dim', op: 'ConstantOfShape', inputs: [t('int64', [2], [0, 3])], outputs: [t('float32', [0, 3], [])] },
  { name: 'constant of shape negative dim', op: 'ConstantOfShape', inputs: [t('int64', [1], [-1])], throws: 'E_INPUT' },
];
