import { defineHoduCommand } from '../command';
import { backendArgs, jsonArg, optArgs, parseOptLevel } from '../shared-args';
import { HoduError } from '../../errors';
import { benchmarkPlan, DEFAULT_RUNS, DEFAULT_WARMUP } from '../../runtime/benchmark-options';
import { comparePlan } from '../run/compare-options';
import { isBuiltModelPath } from '../../runtime/artifact/detect';
import { checkEmptyPaths, checkRunModes } from '../run/flag-conflicts';

export default defineHoduCommand({
  meta: { name: 'run', description: 'Run a model on inputs and print or save its outputs' },
  args: {
    model: { type: 'positional', description: 'Model file (.onnx), or a .so written by `hodu build`', required: true },
    input: { type: 'string', description: 'Input: NAME=FILE.npy, FILE.npz (keys = input names) or one unnamed FILE.npy; NAME=VALUE for a scalar (sr=16000, temp=0.7, flag=true; an existing file of that name wins) or NAME=1,2,3 for a 1-D input, in the input\'s dtype; repeatable', valueHint: 'spec' },
    output: { type: 'string', description: 'Write every output to FILE (.npz, .safetensors), keyed by its ONNX name', valueHint: 'file' },
    'output-dir': { type: 'string', description: 'Write one .npy per output into DIR', valueHint: 'dir' },
    shape: { type: 'string', description: 'Set a dynamic input shape for generated inputs: NAME=1x3x640x640; repeatable', valueHint: 'spec' },
    dim: { type: 'string', description: 'Set a symbolic input dim by name for every input that uses it: batch=1; repeatable (a --shape for an input wins over --dim for that input)', valueHint: 'spec' },
    fill: { type: 'string', description: 'Generate inputs filled with NAME=uniform:LO:HI, normal:MEAN:STD, int:LO:HI (inclusive; integer and bool inputs), zeros or ones; a bare SPEC (or *=SPEC) fills every generated input it fits; implies --random-inputs for the inputs it covers; repeatable', valueHint: 'spec' },
    'random-inputs': { type: 'boolean', description: 'Generate inputs that were not given (uniform [0,1) floats, integers 0 to 9, seeded; --fill chooses)', default: false },
    seed: { type: 'string', description: 'Seed for generated inputs (--random-inputs, --fill), 0 to 2^32-1: the same seed gives the same bytes; --verbose prints each generated input', default: '0', valueHint: 'N' },
    profile: { type: 'boolean', description: 'Time every node: per-op and per-node tables with time, share, calls and GFLOP/s (on stderr, or "profile" in --json)', default: false },
    'profile-out': { type: 'string', description: 'Write the node timings as a Chrome trace (JSON; opens in Perfetto or chrome://tracing); times nodes even without --profile (with --json, "profile" is in the JSON too)', valueHint: 'file' },
    explain: { type: 'boolean', description: 'Say which backend runs the model and why; for a native backend, its partitions and why each node it lacks fell back to the interp (on stderr, or "explain" in --json)', default: false },
    'max-memory': { type: 'string', description: "Cap on hodu's resident memory (RSS), e.g. 2GiB: refused before the run when the estimate (hodu itself, weights, inputs, peak intermediates, kernel scratch, outputs) is over, stopped while running when the RSS goes over (default: $HODU_MAX_MEMORY, runtime.max_memory, else no limit)", valueHint: 'size' },
    'dry-run': { type: 'boolean', description: 'Compute nothing: print the format plugin, backend, device, threads, the partition (bodies too), the passes that would change the graph, the planned memory, the cache state and why each other backend was passed over; exit 1 with the missing ops when no backend can run the model (--expect, --compare-backends, --dump, --profile-out and --benchmark need a run and are refused)', default: false },
    benchmark: { type: 'boolean', description: 'Time the model instead of printing outputs: one session, warm-up runs, then measured runs; reports load, compile (planning) and run latency statistics (outputs are not printed; --output/--output-dir are refused)', default: false },
    warmup: { type: 'string', description: `With --benchmark: unmeasured runs first (default ${DEFAULT_WARMUP})`, valueHint: 'N' },
    runs: { type: 'string', description: `With --benchmark: measured runs (default ${DEFAULT_RUNS})`, valueHint: 'N' },
    duration: { type: 'string', description: 'With --benchmark: measure for this long instead of --runs, e.g. 10s, 500ms', valueHint: 'time' },
    expect: { type: 'string', description: 'Compare every output with the same-named tensor of FILE (.npz, .safetensors; one .npy for a one-output model): dtype, shape and values (NaN equals NaN); prints a table and exits 1 on any mismatch ("expect" in --json)', valueHint: 'file' },
    rtol: { type: 'string', description: 'With --expect/--compare-backends: relative tolerance, |got - expected| <= atol + rtol*|expected| (default 1e-3; integer and bool outputs compare exactly)', valueHint: 'R' },
    atol: { type: 'string', description: 'With --expect/--compare-backends: absolute tolerance (default 1e-4)', valueHint: 'A' },
    'compare-backends': { type: 'string', description: 'Run on each of these backends (2 or more, comma-separated; the first is the reference) and compare their outputs; exits 1 on any mismatch (not with --backend, --profile, --profile-out, --explain)', valueHint: 'a,b' },
    dump: { type: 'string', description: 'Write every intermediate value (top-level node outputs) as .npy into DIR, with index.json (value -> file, dtype, shape, node, op); works with --backend cpu', valueHint: 'dir' },
    'dump-nodes': { type: 'string', description: 'With --dump: only values whose name, node name or op (Conv, Relu) matches this regular expression; matching nothing is an error', valueHint: 'regex' },
    ...backendArgs,
    ...optArgs(),
    ...jsonArg,
  },
  examples: [
    'hodu run model.onnx --input input.npy',
    'hodu run model.onnx --input images=img.npy --input mask=mask.npy --output out.npz',
    'hodu run model.onnx --input inputs.npz --output-dir outputs/',
    'hodu run model.onnx --random-inputs --shape images=1x3x640x640 --json',
    'hodu run model.onnx --random-inputs --dim batch=1 --dim seq=128',
    'hodu run silero_vad.onnx --input sr=16000 --fill input=uniform:-1:1 --fill zeros --dim batch=1 --dim sequence=512',
    'hodu run bert.onnx --fill input_ids=int:0:30521 --fill attention_mask=ones --dim batch=1 --dim sequence=128 --seed 7 --verbose',
    'hodu run model.onnx --fill normal:0:1 --shape x=1x3x224x224',
    'hodu run model.onnx --random-inputs --profile',
    'hodu run model.onnx --random-inputs --profile-out trace.json',
    'hodu run model.onnx --random-inputs --benchmark --duration 10s --json',
    'hodu run model.onnx --random-inputs --backend cpu --explain',
    'hodu run model.so --input input.npy --output out.npz',
    'hodu run model.onnx --dry-run --backend cpu --json',
    'hodu run model.onnx --input input.npy --expect ref.npz --rtol 1e-4',
    'hodu run model.onnx --random-inputs --compare-backends interp,cpu',
    "hodu run model.onnx --input input.npy --dump dump/ --dump-nodes 'Conv|Relu'",
  ],
  async run({ args }) {
    // Checked before anything loads: a bad benchmark flag must not cost a model load.
    checkEmptyPaths(args);
    checkRunModes({ dryRun: Boolean(args['dry-run']), benchmark: Boolean(args.benchmark), expect: args.expect, compareBackends: args['compare-backends'], dump: args.dump, profile: Boolean(args.profile), profileOut: args['profile-out'], explain: Boolean(args.explain), backend: args.backend });
    const benchmark = benchmarkPlan({ benchmark: Boolean(args.benchmark), warmup: args.warmup, runs: args.runs, duration: args.duration, output: args.output, outputDir: args['output-dir'], profile: Boolean(args.profile || args['profile-out']) });
    const compare = comparePlan({ expect: args.expect, rtol: args.rtol, atol: args.atol, compareBackends: args['compare-backends'], dump: args.dump, dumpNodes: args['dump-nodes'] }, { benchmark: Boolean(args.benchmark), isBuilt: () => isBuiltModelPath(args.model), output: args.output, outputDir: args['output-dir'] });
    const { executeRun } = await import('../run/execute');
    await executeRun({
      model: args.model,
      inputs: list(args.input),
      output: args.output,
      outputDir: args['output-dir'],
      shapes: list(args.shape),
      dims: list(args.dim),
      fills: list(args.fill),
      randomInputs: Boolean(args['random-inputs']),
      seed: int(args.seed, 'seed'),
      // Resolved against env and config.toml in src/cli/run/execute.ts (flags > env > config > defaults).
      settingsFlags: { backend: args.backend, device: args.device, threads: args.threads, maxMemory: args['max-memory'] },
      // undefined: not given (native plugins run isolated by default); false: --no-isolate.
      isolate: args.isolate === undefined ? undefined : Boolean(args.isolate),
      optLevel: parseOptLevel(args['opt-level']),
      profile: Boolean(args.profile),
      profileOut: args['profile-out'] || undefined,
      explain: Boolean(args.explain),
      json: Boolean(args.json),
      benchmark,
      dryRun: Boolean(args['dry-run']),
      compare,
    });
  },
});

function list(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** The generator (mulberry32) keeps 32 bits: a larger seed would silently repeat a smaller one's values. */
const MAX_SEED = 2 ** 32 - 1;

function int(v: unknown, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > MAX_SEED) throw new HoduError('E_USAGE', `--${flag} must be an integer from 0 to ${MAX_SEED}, got '${v}'`, { hint: `e.g. --${flag} 42` });
  return n;
}
