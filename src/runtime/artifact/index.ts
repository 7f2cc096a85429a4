/**
 * `hodu run model.so` / `hodu inspect model.so`: a model built by `hodu build` (src/build/c/hodu_model.h),
 * loaded through bun:ffi with no Graph and no plugin. It is offered to the rest of `hodu run` as a graph
 * with only inputs and outputs (so input binding, --random-inputs and the output files work unchanged)
 * and a backend whose session calls the library.
 */
import type { Model, ValueInfo } from '../../ir/graph';
import type { BackendPlugin } from '../../sdk/backend';
import type { PreparedModel } from '../prepare';
import { describeBuiltModel, type BuiltModelDescription, type BuiltTensor } from './describe';
import { openModelLibrary } from './open-library';
import { BuiltModelSession } from './session';
import { IsolatedBuiltSession } from './isolated-session';

export type { BuiltModelDescription } from './describe';

/** Opens the library, reads and checks what it declares, and closes it again. */
export function readBuiltModel(path: string): BuiltModelDescription {
  const lib = openModelLibrary(path);
  try {
    return describeBuiltModel(lib, path);
  } finally {
    lib.close();
  }
}

const valueInfo = (t: BuiltTensor): ValueInfo => ({ name: t.name, type: { kind: 'tensor', dtype: t.dtype, shape: [...t.dims] } });

/**
 * The graph `hodu run` binds inputs against: the built inputs and outputs, no nodes. "Prepared" because
 * there is nothing left to optimize: the passes ran when the model was built.
 */
export function builtModelGraph(d: BuiltModelDescription): PreparedModel {
  const model: Model = {
    irVersion: 8,
    opsetImports: [],
    producerName: `hodu ${d.info.hodu_version}`,
    metadata: {},
    graph: { name: d.info.model_name, nodes: [], inputs: d.inputs.map(valueInfo), outputs: d.outputs.map(valueInfo), valueInfo: [], initializers: new Map() },
    functions: [],
  };
  return model as PreparedModel;
}

/** How a built model is named where a backend would be: its backend, marked as built ("cpu (built)"). */
export function builtBackendName(d: BuiltModelDescription): string {
  return `${d.info.backend} (built)`;
}

/**
 * The backend a built model runs on: one session = one handle of the library, in this process, or with
 * `isolate` one child process per run (src/plugins/native/isolate.ts), which a crash of the library cannot take down.
 */
export function builtModelBackend(d: BuiltModelDescription, isolate = false): BackendPlugin {
  return {
    name: builtBackendName(d),
    version: d.info.backend_version,
    capabilities: { runner: true, builder: false, devices: ['cpu'], priority: 0 },
    createSession: (_model, options) => (isolate ? new IsolatedBuiltSession(d, options?.threads ?? 0) : new BuiltModelSession(d, options?.threads ?? 0)),
  };
}
