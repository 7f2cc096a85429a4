import { HoduError } from '../errors';
import type { OptLevel } from '../passes/pipeline';

/** Flag groups shared by several commands (one definition, same help text everywhere). */
export const jsonArg = {
  json: { type: 'boolean', description: 'Print machine-readable JSON on stdout', default: false },
} as const;

export const backendArgs = {
  // No citty defaults here: an absent flag falls back to env, then config.toml (src/config/settings.ts).
  backend: { type: 'string', description: 'Backend to run on (default: $HODU_BACKEND, runtime.backend, else best available for the device)', valueHint: 'name' },
  device: { type: 'string', description: 'Device to run on (default: $HODU_DEVICE, runtime.device, else cpu)', valueHint: 'device' },
  threads: { type: 'string', description: 'Worker threads for the backend, 1 to max(64, 4 × cores) (default: $HODU_THREADS, runtime.threads, else the backend default)', valueHint: 'N' },
  // On by default: a native plugin that crashes in-process takes hodu down with no report (issue 9, item 5).
  // No citty default: undefined (not given) must stay distinguishable from an explicit --isolate (src/cli/run/notes.ts).
  isolate: { type: 'boolean', description: 'Run a native backend plugin in a child process, so a crash is reported and recorded (default: on; --no-isolate: in-process, unprotected)' },
} as const;

/** Global flags every command accepts (handled by the dispatcher). */
export const GLOBAL_FLAGS = ['help', 'h', 'verbose', 'color', 'no-color', 'version', 'V'];

/**
 * `-O N` / `--opt-level N` (`-O2` is accepted too: the dispatcher rewrites it). One default for every
 * command, so `inspect` describes the graph that `run` executes. The default is 2, as onnxruntime applies
 * all its graph optimizations unless told otherwise: someone timing `hodu run --benchmark` against it
 * should not have to know a flag to get folded BatchNorms; -O1 keeps the graph closer to the file.
 */
export function optArgs() {
  const defaultLevel = '2';
  return {
    'opt-level': {
      type: 'string',
      alias: 'O',
      description: 'Graph optimizations: 0 none, 1 constant folding + dead code + identities, 2 also Conv+BatchNorm and MatMul+Add fusion, 3 = 2',
      default: defaultLevel,
      valueHint: 'level',
    },
  } as const;
}

/** The value of `-O`/`--opt-level`: exactly 0, 1, 2 or 3. */
export function parseOptLevel(value: unknown): OptLevel {
  const text = String(value);
  if (!/^[0-3]$/.test(text)) {
    throw new HoduError('E_USAGE', `-O/--opt-level must be 0, 1, 2 or 3, got '${text}'`, { hint: 'e.g. -O2 (see --help for what each level does)' });
  }
  return Number(text) as OptLevel;
}
