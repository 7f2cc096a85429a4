import { defineHoduCommand } from '../command';
import { jsonArg, optArgs, parseOptLevel } from '../shared-args';
import { HoduError } from '../../errors';

export default defineHoduCommand({
  meta: { name: 'build', description: 'Compile a model ahead of time into a .so, a .a or a standalone executable (no hodu needed to run it)' },
  args: {
    model: { type: 'positional', description: 'Model file (.onnx)', required: true },
    output: { type: 'string', alias: 'o', description: 'The artifact to write; its extension picks the format unless --format or --standalone says: .so/.dylib shared library, .a static archive, anything else needs --standalone (an executable)', valueHint: 'file', required: true },
    backend: { type: 'string', description: 'Backend whose kernels the artifact is built from (a builder: cpu, or an installed native plugin with ABI 3)', default: 'cpu', valueHint: 'name' },
    shape: { type: 'string', description: 'Fix a symbolic input dim: NAME=1x3x640x640 (a built model has static shapes); repeatable', valueHint: 'spec' },
    target: { type: 'string', description: 'Machine to build for: native (default), x86_64-linux-gnu (linux-x64), aarch64-linux-gnu (linux-arm64); another architecture needs its cross compiler', valueHint: 'triple' },
    format: { type: 'string', description: 'so (shared library), a (static archive) or exe (standalone executable); default: from the output extension', valueHint: 'format' },
    standalone: { type: 'boolean', description: 'Build an executable that reads .npy/.npz inputs and writes .npz outputs (= --format exe)', default: false },
    threads: { type: 'string', description: "The artifact's default thread count (hodu_model_create(0)); 0: the machine's cores", default: '0', valueHint: 'N' },
    cache: { type: 'boolean', description: 'Reuse and fill the compile cache ($HODU_HOME/cache); --no-cache builds from scratch and stores nothing', default: true },
    'dry-run': { type: 'boolean', description: 'Compile and write nothing: print the plan (passes, kernel coverage, arena), whether the compile cache has this build (hit/miss, the same key), and exit 1 with the ops the backend lacks', default: false },
    ...optArgs(),
    ...jsonArg,
  },
  examples: [
    'hodu build model.onnx -o model.so',
    'hodu build model.onnx -o libmodel.a --shape images=1x3x224x224',
    'hodu build model.onnx --standalone -o model && ./model x.npy -o y.npz',
    'hodu build model.onnx --target aarch64-linux-gnu -o model-arm64.so',
    'hodu build model.onnx -o model.so --json',
    'hodu build model.onnx -o model.so --dry-run',
  ],
  async run({ args }) {
    const threads = Number(args.threads);
    if (!Number.isInteger(threads) || threads < 0 || threads > 1024) throw new HoduError('E_USAGE', `--threads must be an integer from 0 to 1024, got '${args.threads}'`, { hint: 'e.g. --threads 4' });
    const { executeBuild } = args['dry-run'] ? { executeBuild: (await import('../build/dry-run')).executeBuildDryRun } : await import('../build/execute');
    await executeBuild({
      model: String(args.model),
      out: String(args.output),
      backend: String(args.backend),
      optLevel: parseOptLevel(args['opt-level']),
      shapes: list(args.shape),
      target: args.target === undefined ? undefined : String(args.target),
      format: args.format === undefined ? undefined : String(args.format),
      standalone: Boolean(args.standalone),
      threads,
      noCache: args.cache === false,
      json: Boolean(args.json),
    });
  },
});

function list(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}
