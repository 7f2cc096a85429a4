/**
 * What `hodu run FILE.so` changes in a run (execute.ts): the model comes from a library built by
 * `hodu build` (src/runtime/artifact/) and runs on the backend it was built with. Flags that choose how a
 * model is compiled were decided at build time:
 * - --backend / --device on the command line naming something else: an error (exit 2). The run would
 *   silently not be what was asked; from HODU_BACKEND or config.toml they are a general preference, and
 *   only logged, so a configured machine can still run built models.
 * - -O other than the default and other than the level it was built at: a note (nothing to re-optimize;
 *   the run itself is still what the user wants).
 * - --shape: only the built shapes fit (input binding checks them against the static shapes, as for any
 *   fixed-shape model); the error's hint says to build another model.
 * - --isolate: one child process per run (default in-process, as the embedded cpu backend).
 * - threads: hodu's own setting (--threads, HODU_THREADS, runtime.threads, else the physical cores, as the
 *   cpu backend gets it), so `hodu run m.so` and `hodu run m.onnx --backend cpu` compare at one count; the
 *   count given to `hodu build --threads` is the default of C callers (hodu_model_create(0)).
 */
import { HoduError } from '../../errors';
import type { Settings } from '../../config/settings';
import type { BackendPlugin } from '../../sdk/backend';
import type { PreparedModel } from '../../runtime/prepare';
import { nativeThreads } from '../../util/physical-cores';
import { optArgs } from '../shared-args';

interface BuiltRun {
  model: PreparedModel;
  /** The backend to use instead of selection, and why (for --verbose / --explain). */
  use: { backend: BackendPlugin; reason: string };
  threads: number;
  /** Lines for stderr before the run. */
  notes: string[];
}

export async function prepareBuiltRun(path: string, settings: Settings, flags: { optLevel: number; isolate?: boolean; benchmark?: unknown }, debug: (line: string) => void): Promise<BuiltRun> {
  const { readBuiltModel, builtModelGraph, builtModelBackend, builtBackendName } = await import('../../runtime/artifact/index');
  const d = readBuiltModel(path);
  const built = d.info.backend;
  const { backend, device } = settings;
  if (backend.value && backend.value !== built && backend.value !== builtBackendName(d)) {
    if (backend.source === 'flag') {
      throw new HoduError('E_USAGE', `--backend ${backend.value}: ${path} was built for backend '${built}' and runs only on it`, {
        hint: `leave --backend out, or build the model for '${backend.value}': hodu build MODEL --backend ${backend.value}`,
      });
    }
    debug(`backend '${backend.value}' (${backend.from}) does not apply to ${path}, built for '${built}'`);
  }
  if (device.value !== 'cpu') {
    if (device.source === 'flag') throw new HoduError('E_USAGE', `--device ${device.value}: ${path} is a built model, which runs on the cpu`, { hint: 'leave --device out' });
    debug(`device '${device.value}' (${device.from}) does not apply to ${path}`);
  }
  const notes: string[] = [];
  const defaultLevel = Number(optArgs()['opt-level'].default);
  if (flags.optLevel !== defaultLevel && flags.optLevel !== d.info.opt_level) {
    notes.push(`note: -O${flags.optLevel} does not apply to ${path}: it was optimized at -O${d.info.opt_level} when it was built`);
  }
  // In-process unless --isolate, like the embedded cpu backend: the library is hodu's own backend code, compiled.
  const isolate = flags.isolate === true;
  if (isolate && flags.benchmark) notes.push(`note: ${path} runs isolated (--isolate): each run starts a child process and copies inputs and outputs, and the latency includes that`);
  return {
    model: builtModelGraph(d),
    use: { backend: builtModelBackend(d, isolate), reason: `${path} is a model built by hodu ${d.info.hodu_version} for backend '${built}' ${d.info.backend_version} (${d.info.target}, -O${d.info.opt_level})` },
    threads: nativeThreads(settings.threads.value),
    notes,
  };
}

/** A --shape or input file that does not fit a built model: say that its shapes were fixed when it was built. */
export function builtShapeError(e: unknown, path: string): unknown {
  if (!(e instanceof HoduError) || e.code !== 'E_INPUT_SHAPE') return e;
  return new HoduError('E_INPUT_SHAPE', e.message, {
    hint: `${path} has the static shapes it was built with (\`hodu inspect ${path}\`); for other shapes build another: hodu build MODEL --shape NAME=DIMS`,
    cause: e,
  });
}
