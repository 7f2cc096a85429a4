/**
 * The child side of `hodu run FILE.so --isolate` (src/plugins/native/child.ts, mode 'built'): opens the
 * built model, runs it once on the input buffers the parent sent, and returns its output buffers. Progress
 * marks let the parent say whether a crash came while loading, creating or running.
 */
import { HoduError } from '../../errors';
import { bytesOf, dataFromBytes, type BigArray, type NumericArray } from '../../ir/dtype';
import { Tensor } from '../../ir/tensor';
import { PROGRESS_CREATE, PROGRESS_DONE, PROGRESS_RUN_BUILT } from '../../plugins/native/child-protocol';
import { readBuiltModel } from './index';
import { BuiltModelSession } from './session';

export async function runBuiltModelInChild(path: string, threads: number, inputs: Uint8Array[], mark: (progress: number) => void): Promise<Uint8Array[]> {
  const d = readBuiltModel(path);
  if (inputs.length !== d.inputs.length || d.inputs.some((t, i) => inputs[i]!.byteLength !== t.bytes)) {
    throw new HoduError('E_INTERNAL', `${path}: the isolated run was sent ${inputs.length} inputs of other sizes than the model's`);
  }
  const feeds = new Map(d.inputs.map((t, i) => [t.name, new Tensor(t.dtype, t.dims, dataFromBytes(t.dtype, inputs[i]!, t.elements))]));
  mark(PROGRESS_CREATE);
  const session = new BuiltModelSession(d, threads);
  try {
    mark(PROGRESS_RUN_BUILT);
    const outputs = await session.run(feeds);
    mark(PROGRESS_DONE);
    return d.outputs.map((t) => bytesOf((outputs.get(t.name) as Tensor).data as NumericArray | BigArray));
  } finally {
    session.dispose();
  }
}
