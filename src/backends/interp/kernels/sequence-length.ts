import { int64Tensor } from '../../../ir/tensor';
import { registerKernel } from '../kernel';
import { sequenceInput } from '../util/copy';

export default registerKernel('SequenceLength', (inputs, ctx) => [int64Tensor([sequenceInput(inputs, 0, ctx).length], [])]);
