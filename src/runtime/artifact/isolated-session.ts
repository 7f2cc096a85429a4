/**
 * A built model run in a child process per run (`hodu run FILE.so --isolate`), through the same child as
 * native plugins (src/plugins/native/isolate.ts, mode 'built'; the child side is child-run.ts). A crash of
 * the library is reported as the model's failure, with the signal and the phase, and hodu carries on.
 */
import { basename } from 'node:path';
import { HoduError } from '../../errors';
import { dataFromBytes } from '../../ir/dtype';
import { Tensor } from '../../ir/tensor';
import { runBuiltIsolated } from '../../plugins/native/isolate';
import type { BackendSession, RuntimeValue } from '../../sdk/backend';
import type { BuiltModelDescription } from './describe';
import { fedBytes } from './session';

export class IsolatedBuiltSession implements BackendSession {
  constructor(private readonly model: BuiltModelDescription, private readonly threads: number) {}

  async run(feeds: Map<string, RuntimeValue>): Promise<Map<string, RuntimeValue>> {
    const { path, inputs, outputs } = this.model;
    const name = basename(path);
    let blobs: Uint8Array[];
    try {
      blobs = await runBuiltIsolated(path, inputs.map((t) => fedBytes(t, feeds.get(t.name), path)), { name, threads: this.threads });
    } catch (e) {
      if (!(e instanceof HoduError) || e.code !== 'E_PLUGIN_CRASH') throw e;
      throw new HoduError('E_ARTIFACT_RUN', e.message.replace(`plugin '${name}'`, path), {
        hint: 'hodu is fine (the model ran in a child process); rebuild the model with `hodu build`, compare with `hodu run MODEL.onnx --backend interp`, or report it',
        cause: e,
      });
    }
    if (blobs.length !== outputs.length || outputs.some((t, i) => blobs[i]!.byteLength !== t.bytes)) {
      throw new HoduError('E_INTERNAL', `${path}: the isolated run returned ${blobs.length} outputs of other sizes than the model's`);
    }
    return new Map(outputs.map((t, i) => [t.name, new Tensor(t.dtype, t.dims, dataFromBytes(t.dtype, blobs[i]!, t.elements))]));
  }
}
