import { Tensor } from '../../ir/tensor';
import type { RuntimeValue } from '../../sdk/backend';

/** A run's outputs as tensors: a sequence output becomes `name/0`, `name/1`, …; an absent optional one is left out. */
export function outputTensors(outputs: ReadonlyMap<string, RuntimeValue>): Map<string, Tensor> {
  const map = new Map<string, Tensor>();
  for (const [name, v] of outputs) {
    if (v instanceof Tensor) map.set(name, v);
    else if (Array.isArray(v)) v.forEach((t, i) => map.set(`${name}/${i}`, t));
    // An absent optional output has no tensor to write.
  }
  return map;
}
