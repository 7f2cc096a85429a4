/**
 * The isolated side of a native plugin run: `hodu __plugin-child DIR` (a hidden command). It reads
 * DIR/request.bin, loads the plugin, runs the manifest and writes DIR/response.bin. Before each phase and
 * each step it overwrites DIR/progress.bin, so that when the plugin kills this process (SIGSEGV, abort)
 * the parent can still say which kernel was running.
 */
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { HoduError } from '../../errors';
import { decodeManifest } from '../../sdk/manifest';
import { NativeBackendBinding } from './binding';
import { packMessage, PROGRESS_CREATE, PROGRESS_DONE, PROGRESS_LOADING, unpackMessage, type ChildRequest, type ChildResponse } from './child-protocol';
import { probeNativeLibrary } from './probe';
import { allocOutputs } from './tensor-io';
import { alignedBytes } from './binding';

/**
 * The one argument: a folder holding request.bin. Anything else is a person trying the hidden command, who
 * gets a usage error rather than an fs stack trace (the folder is only ever written by the parent).
 */
function requestDir(args: string[]): string {
  const usage = (problem: string) =>
    new HoduError('E_USAGE', `hodu __plugin-child: ${problem}`, {
      hint: 'this internal command runs a native plugin for --isolate and `hodu plugin test`; usage: hodu __plugin-child DIR (DIR holds request.bin)',
    });
  if (args.length !== 1) throw usage(args.length ? `expected one folder, got ${args.length} arguments` : 'missing the request folder');
  const dir = args[0]!;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw usage(`${dir} is not a folder`);
  if (!existsSync(join(dir, 'request.bin'))) throw usage(`${dir} holds no request.bin`);
  return dir;
}

/**
 * Entry of the hidden `__plugin-child` command. `argv` is `[DIR]` or `['__plugin-child', DIR]`. Returns the
 * exit code; bad arguments throw E_USAGE.
 */
export async function runPluginChild(argv: string[]): Promise<number> {
  const dir = requestDir(argv[0] === '__plugin-child' ? argv.slice(1) : argv);
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
    if (header.mode === 'built') {
      const { runBuiltModelInChild } = await import('../../runtime/artifact/child-run');
      respond({ ok: true }, await runBuiltModelInChild(header.libPath, header.threads ?? 0, blobs, mark));
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
    const handle = binding.create(manifestBytes!, { threads: header.threads });
    let stepTimes: ChildResponse['stepTimes'];
    try {
      const timed = header.profile === true && binding.enableStepTimes(handle);
      binding.run(handle, inputs, outputs, mark);
      if (timed) stepTimes = binding.stepTimes(handle, manifest.steps.length);
    } finally {
      binding.destroy(handle);
    }
    mark(PROGRESS_DONE);
    respond({ ok: true, ...(stepTimes ? { stepTimes } : {}) }, outputs);
    return 0;
  } catch (e) {
    const err = e as { code?: string; message?: string; hint?: string };
    respond({ ok: false, error: { code: err.code ?? 'E_PLUGIN', message: err.message ?? String(e), hint: err.hint } });
    return 1;
  } finally {
    closeSync(progress);
  }
}
