import { t, type OpCase } from '../op-case';

const op = 'OptionalGetElement';

export const cases: OpCase[] = [
  { name: 'a tensor passes through', op, opset: 18, inputs: [t('float32', [2], [1, 2])], outputs: [t('float32', [2], [1, 2])] },
  { name: 'a sequence passes through', op, opset: 18, inputs: [[t('int64', [1], [3])]], outputs: [[t('int64', [1], [3])]] },
  { name: 'an omitted input is an error', op, opset: 18, inputs: [null], throws: 'E_INPUT' },
];
