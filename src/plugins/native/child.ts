/**
 * The isolated side of a native plugin run: `hodu __plugin-child DIR` (a hidden command). It reads
 * DIR/request.bin, loads the plugin, runs the manifest and writes DIR/response.bin. Before each phase and
 * each step it overwrites DIR/progress.bin, so that when the plugin kills this process (SIGSEGV, abort)
 * the parent can still say which kernel was running.
 */
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { decodeManifest } from '../../sdk/manifest';
import { NativeBackendBinding } from './binding';
import { packMessage, PROGRESS_CREATE, PROGRESS_DONE, PROGRESS_LOADING, unpackMessage, type ChildRequest, type ChildResponse } from './child-protocol';
import { probeNativeLibrary } from './probe';
import { allocOutputs } from './tensor-io';
import { alignedBytes } from './binding';

/** Entry of the hidden `__plugin-child` command. `argv` is `[DIR]` or `['__plugin-child', DIR]`. Returns the exit code. */
export async function runPluginChild(argv: string[]): Promise<number> {
  const args = argv[0] === '__plugin-child' ? argv.slice(1) : argv;
  const dir = args[0];
  if (!dir) {
    console.error('usage: hodu __plugin-child DIR (internal: used by plugin isolation)');
    return 2;
  }
  const progress = openSync(join(dir, 'progress.bin'), 'w');
  const record = new Uint8Array(4);
  const mark = (v: number) => {
    new DataView(record.buffer).setUint32(0, v >>> 0, true);
    writeSync(progress, record, 0, 4, 0);
  };
  const respond = (header: Omit<ChildResponse, 'blobs'>, blobs: Uint8Array[] = []) =>
    writeFileSync(join(dir, 'response.bin'), packMessage({ ...header, blobs: blobs.map((b) => b.byteLength) }, blobs));
  try {
    mark(PROGRESS_LOADING);
    const { header, blobs } = unpackMessage<ChildRequest>(readFileSync(join(dir, 'request.bin')));
    if (header.mode === 'probe') {
      respond({ ok: true, info: probeNativeLibrary(header.libPath, header.name) });
      return 0;
    }
    const binding = new NativeBackendBinding(header.libPath, header.name);
    const [manifestBytes, ...inputBlobs] = blobs;
    const manifest = decodeManifest(manifestBytes!);
    const inputs = inputBlobs.map((b) => {
      const a = alignedBytes(b.byteLength);
      a.set(b);
      return a;
    });
    const outputs = allocOutputs(manifest);
    mark(PROGRESS_CREATE);
    const handle = binding.create(manifestBytes!);
    try {
      binding.run(handle, inputs, outputs, mark);
    } finally {
      binding.destroy(handle);
    }
    mark(PROGRESS_DONE);
    respond({ ok: true }, outputs);
    return 0;
  } catch (e) {
    const err = e as { code?: string; message?: string; hint?: string };
    respond({ ok: false, error: { code: err.code ?? 'E_PLUGIN', message: err.message ?? String(e), hint: err.hint } });
    return 1;
  } finally {
    closeSync(progress);
  }
}
