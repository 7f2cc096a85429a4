import { int64Tensor } from '../../../ir/tensor';
import { defineKernel } from '../kernel';
import { sequenceInput } from '../util/copy';

export default defineKernel('SequenceLength', (inputs, ctx) => [int64Tensor([sequenceInput(inputs, 0, ctx).length], [])]);
