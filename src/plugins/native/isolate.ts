/**
 * Running a native plugin in a child process (`--isolate`, `hodu plugin test`): the child is this hodu
 * binary re-run with the hidden `__plugin-child` command (child.ts). A plugin that crashes takes only the
 * child down; the parent reports the signal and the kernel that was running (from the progress file).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HoduError } from '../../errors';
import { encodeManifest, type DispatchManifest } from '../../sdk/manifest';
import { packMessage, PROGRESS_CREATE, PROGRESS_DONE, PROGRESS_LOADING, PROGRESS_RUN_BUILT, unpackMessage, type ChildRequest, type ChildResponse } from './child-protocol';
import type { NativePluginInfo } from './probe';
import type { StepTime } from './step-times';
import { isCompiledBinary } from '../../util/compiled-binary';

/**
 * argv (without DIR) that starts a plugin child: the compiled binary re-runs itself with the hidden
 * command; from source, bun runs child-main.ts (process.argv[1] may be a test file or any script).
 */
export function childCommand(): string[] {
  if (isCompiledBinary()) return [process.execPath, '__plugin-child'];
  return [process.execPath, join(import.meta.dir, 'child-main.ts'), '__plugin-child'];
}

export interface IsolateOptions {
  /** Plugin name for messages. */
  name: string;
  /** Kill the child after this long (default: no limit). */
  timeoutMs?: number;
  /** Threads for the plugin's create() (0 or absent: its default). */
  threads?: number;
  /** Time every step (the plugin's optional export); the times go to `onStepTimes` after the run. */
  profile?: boolean;
  onStepTimes?: (times: StepTime[]) => void;
  /** Override the child argv prefix (tests of the compiled binary). */
  command?: string[];
}

/**
 * A native plugin killed its child process by a signal (SIGSEGV, SIGABRT…). Exit status 1 like every
 * failure (README, "Errors and exit codes"); `signal` and `where` (phase, kernel, node) are kept for
 * plugins.json.
 */
export class PluginCrashError extends HoduError {
  constructor(readonly plugin: string, readonly signal: string, readonly where: string) {
    super('E_PLUGIN_CRASH', `plugin '${plugin}' crashed with ${signal} ${where}`, {
      hint:
        `hodu is fine (the plugin ran in a child process) and recorded the crash, so it is no longer chosen automatically. ` +
        `Run on another backend (--backend interp), turn the plugin off (hodu plugin disable ${plugin}), ` +
        `or rebuild it with debug info (hodu plugin rebuild ${plugin} --debug) and report it to its author`,
    });
  }
}

interface ChildResult {
  response: { header: ChildResponse; blobs: Uint8Array[] };
}

function phaseText(progress: number, manifest?: DispatchManifest): string {
  if (progress === PROGRESS_LOADING) return 'while loading';
  if (progress === PROGRESS_CREATE) return 'while preparing the model (create)';
  if (progress === PROGRESS_DONE) return 'after running';
  if (progress === PROGRESS_RUN_BUILT) return 'while running';
  const step = manifest?.steps[progress];
  return step ? `while running kernel '${step.kernel}' (step ${progress}, node '${step.node}')` : `at step ${progress}`;
}

async function runChild(request: ChildRequest, blobs: Uint8Array[], opts: IsolateOptions, manifest?: DispatchManifest): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'hodu-plugin-'));
  try {
    writeFileSync(join(dir, 'request.bin'), packMessage({ ...request, blobs: blobs.map((b) => b.byteLength) }, blobs));
    const proc = Bun.spawn([...(opts.command ?? childCommand()), dir], { stdin: 'ignore', stdout: 'pipe', stderr: 'pipe' });
    let timedOut = false;
    const timer = opts.timeoutMs ? setTimeout(() => ((timedOut = true), proc.kill()), opts.timeoutMs) : undefined;
    const [, stderr] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
    if (timer) clearTimeout(timer);
    let progress = PROGRESS_LOADING;
    try {
      progress = new DataView(readFileSync(join(dir, 'progress.bin')).buffer).getUint32(0, true);
    } catch {
      // no progress record: the child died before it started
    }
    if (timedOut) {
      throw new HoduError('E_PLUGIN_TIMEOUT', `plugin '${opts.name}' did not finish within ${opts.timeoutMs} ms (${phaseText(progress, manifest).replace('while ', '')})`, {
        hint: 'a kernel may loop forever; rebuild with --debug and run it under a debugger',
      });
    }
    if (proc.signalCode) throw new PluginCrashError(opts.name, String(proc.signalCode), phaseText(progress, manifest));
    let response: ChildResult['response'];
    try {
      response = unpackMessage<ChildResponse>(readFileSync(join(dir, 'response.bin')));
    } catch {
      const tail = stderr.trim().split('\n').slice(-5).join('\n');
      throw new HoduError('E_PLUGIN_CRASH', `plugin '${opts.name}' child exited with code ${proc.exitCode} ${phaseText(progress, manifest)} without a reply${tail ? `:\n${tail}` : ''}`, {
        hint: 'the plugin may call exit() itself; rebuild it with --debug to investigate',
      });
    }
    const err = response.header.error;
    if (!response.header.ok && err) throw HoduError.fromCode(err.code, err.message, { hint: err.hint });
    return { response };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `manifest` on the plugin at `libPath` in a child process; `inputs` are the input buffers in
 * manifest input order. Returns the output buffers in manifest output order. A crash throws
 * HoduError('E_PLUGIN_CRASH', "plugin 'NAME' crashed with SIGSEGV while running kernel 'KERNEL' …").
 */
export async function runIsolated(libPath: string, manifest: DispatchManifest, inputs: Uint8Array[], opts: IsolateOptions): Promise<Uint8Array[]> {
  const request: ChildRequest = { mode: 'run', libPath, name: opts.name, threads: opts.threads, ...(opts.profile ? { profile: true } : {}), blobs: [] };
  const { response } = await runChild(request, [encodeManifest(manifest), ...inputs], opts, manifest);
  if (response.header.stepTimes) opts.onStepTimes?.(response.header.stepTimes);
  return response.blobs;
}

/** Runs a model built by `hodu build` (its .so at `libPath`) once in a child process: input buffers in, output buffers out, in its declared order. */
export async function runBuiltIsolated(libPath: string, inputs: Uint8Array[], opts: IsolateOptions): Promise<Uint8Array[]> {
  const { response } = await runChild({ mode: 'built', libPath, name: opts.name, threads: opts.threads, blobs: [] }, inputs, opts);
  return response.blobs;
}

/** probeNativeLibrary in a child process: a library whose load-time code crashes cannot take hodu down. */
export async function probeIsolated(libPath: string, opts: IsolateOptions): Promise<NativePluginInfo> {
  const { response } = await runChild({ mode: 'probe', libPath, name: opts.name, blobs: [] }, [], opts);
  return response.header.info as NativePluginInfo;
}
