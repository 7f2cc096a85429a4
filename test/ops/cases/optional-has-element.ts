import { t, type OpCase } from '../op-case';

const op = 'OptionalHasElement';

export const cases: OpCase[] = [
  { name: 'a tensor has an element (opset 18)', op, opset: 18, inputs: [t('int32', [0], [])], outputs: [t('bool', [], [1])] },
  { name: 'a sequence has an element (opset 18)', op, opset: 18, inputs: [[t('float32', [1], [1])]], outputs: [t('bool', [], [1])] },
  { name: 'an omitted input is empty (opset 18)', op, opset: 18, inputs: [null], outputs: [t('bool', [], [0])] },
  { name: 'the input is required before opset 18', op, opset: 15, inputs: [null], throws: 'E_INPUT' },
];
