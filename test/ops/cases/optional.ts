import { t, type OpCase } from '../op-case';

// An absent optional cannot be a case input or output here (null means "omitted"); the empty-optional
// paths (Optional with only `type`, then OptionalHasElement/GetElement) are in test/unit/optional-ops.test.ts.
const x = t('float32', [2], [1, 2]);

export const cases: OpCase[] = [
  { name: 'wraps a tensor', op: 'Optional', opset: 15, inputs: [x], outputs: [x] },
  {
    name: 'wraps a sequence',
    op: 'Optional',
    opset: 15,
    inputs: [[t('int32', [1], [7]), t('int32', [2], [8, 9])]],
    outputs: [[t('int32', [1], [7]), t('int32', [2], [8, 9])]],
  },
  { name: 'no input and no type attribute', op: 'Optional', opset: 15, inputs: [null], throws: 'E_ATTR' },
];
