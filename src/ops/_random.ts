import type { DType } from '../ir/dtype';
import type { Node } from '../ir/graph';
import { nodeError } from '../ir/node-error';

/** TensorProto.DataType codes the Random* / Bernoulli / Multinomial `dtype` attributes may name. */
const BY_CODE: Record<number, DType> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string',
  9: 'bool', 10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64', 16: 'bfloat16',
};

export const RANDOM_FLOAT_DTYPES: readonly DType[] = ['float16', 'float32', 'float64', 'bfloat16'];

/**
 * The dtype named by a `dtype` attribute code (`fallback` when the node omits it), checked against the
 * dtypes the op's schema allows.
 */
export function dtypeFromCode(node: Node, code: number | undefined, fallback: DType, allowed: readonly DType[]): DType {
  if (code === undefined) return fallback;
  const dtype = BY_CODE[code];
  if (!dtype || !allowed.includes(dtype)) {
    throw nodeError(node, 'E_UNSUPPORTED_ATTR', `dtype ${code}${dtype ? ` (${dtype})` : ''} is not allowed`, `allowed: ${allowed.join(', ')}`);
  }
  return dtype;
}
