import type { Model } from '../../ir/graph';
import type { Tensor } from '../../ir/tensor';
import { bindInputValues } from '../../runtime/bind-inputs';
import { parseDimBinding } from '../../runtime/dim-bindings';
import { parseShapeOverride } from '../../runtime/shape-spec';

/** The `hodu run` flags that say what the model is fed. */
export interface InputFlags {
  inputs: string[];
  shapes: string[];
  /** `--dim NAME=N`, repeatable. */
  dims: string[];
  randomInputs: boolean;
  seed: number;
}

/** Parses the input flags and binds (loads, checks, or generates) every model input. */
export async function bindRunInputs(model: Model, flags: InputFlags): Promise<{ tensors: Map<string, Tensor>; sequences: Map<string, Tensor[]> }> {
  const shapes = new Map(flags.shapes.map((s) => {
    const { name, dims } = parseShapeOverride(s);
    return [name, dims] as const;
  }));
  const dims = flags.dims.map(parseDimBinding);
  return bindInputValues(model, { inputs: flags.inputs, shapes, dims, randomInputs: flags.randomInputs, seed: flags.seed });
}
