/**
 * The linux-arm64 release binary, end to end: `bun build.ts --target bun-linux-arm64` cross-builds it (the
 * embedded backend-cpu cross-compiled with aarch64-linux-gnu-gcc, scripts/embedded-cpu.ts), and under
 * qemu-aarch64 it runs a real wake-word model (.cache/real-models, when fetched), a generated CNN and a float16
 * CNN on its embedded cpu backend — the same partitions as the x64 binary's, per --explain — with the x64
 * binary's outputs (rtol 1e-4, atol 1e-5: the NEON kernels sum in another order than AVX's; for float16 the
 * float16 tests' tolerance, since such an order can also round a float16 output the other way).
 * Cost: about 35 s to build the binary and 7-10 s per model under qemu (bun's start-up is most of it).
 * Bun takes the arm64 runtime from its install cache, or downloads it; outside CI a machine without it cached
 * skips this (.ci/run builds the binary once before the tests, which fills the cache).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import type { Tensor } from '../../src/ir/tensor';
import { libraryArch } from '../../src/plugins/native/arch';
import { HODU, requireBinary, tempDir } from '../e2e/hodu';
import { generateModels } from '../models/generate';
import { compareTensor } from '../ops/harness';
import { F16_MODELS, writeF16Model } from './float16-models';
import { describeWithTools, underCi } from '../support/optional-tools';
import { ATOL, RTOL } from './support';

const ROOT = join(import.meta.dir, '..', '..');
const SYSROOT = '/usr/aarch64-linux-gnu';
const WAKE_WORD = join(ROOT, '.cache', 'real-models', 'hey_jarvis_v0.1.onnx');

/** Where bun keeps the runtime `bun build --compile --target bun-linux-arm64` embeds (it downloads it there when missing). */
function arm64RuntimeCached(): boolean {
  const cache = process.env.BUN_INSTALL_CACHE_DIR ?? join(process.env.BUN_INSTALL ?? join(homedir(), '.bun'), 'install', 'cache');
  return existsSync(join(cache, `bun-linux-aarch64-v${Bun.version}`));
}
const noRuntime = !underCi() && !arm64RuntimeCached() ? `bun's linux-arm64 runtime ${Bun.version} is not in its install cache (a build would download it)` : '';

const noWakeWord = !underCi() && !existsSync(WAKE_WORD) ? `${WAKE_WORD} is not fetched (test/realmodels/fetch.sh)` : '';

interface ModelRun {
  name: string;
  path: () => string;
  args: string[];
  rtol?: number;
  atol?: number;
}

describeWithTools(['aarch64-linux-gnu-gcc', 'qemu-aarch64', 'cc'], 'the linux-arm64 binary under qemu-aarch64 equals the x64 binary', () => {
  const t = tempDir('hodu-arm64-bin-');
  afterAll(() => t.cleanup());
  const arm64 = join(t.dir, 'hodu-linux-arm64');
  let generated: string[] = [];

  beforeAll(async () => {
    if (noRuntime) return;
    requireBinary();
    const built = Bun.spawnSync([process.execPath, join(ROOT, 'build.ts'), '--target', 'bun-linux-arm64', '--outfile', arm64, '--quiet'], { cwd: ROOT, stdout: 'pipe', stderr: 'pipe' });
    if (built.exitCode !== 0) throw new Error(`bun build.ts --target bun-linux-arm64 failed:\n${built.stderr.toString()}`);
    generated = await generateModels(join(t.dir, 'models'));
    writeF16Model(join(t.dir, 'models', 'cnn-f16.onnx'), F16_MODELS.cnn!);
  }, 300_000);

  /** `hodu run` of one model by one binary: its outputs and --explain's partition lines. */
  async function run(cmd: string[], home: string, model: ModelRun, out: string) {
    const r = Bun.spawnSync([...cmd, 'run', model.path(), '--random-inputs', '--seed', '11', ...model.args, '--output', out, '--explain'], {
      env: { ...process.env, HODU_HOME: join(t.dir, home) },
      stdout: 'pipe',
      stderr: 'pipe',
    });
    const stderr = r.stderr.toString();
    expect(r.exitCode === 0 ? '' : stderr).toBe('');
    return { outputs: await loadNpz(readFileSync(out)), stderr, partitions: stderr.split('\n').filter((l) => /^\s*#\d+\s/.test(l)) };
  }

  const check = (model: ModelRun) => async () => {
    const name = model.name;
    expect(libraryArch(arm64)).toBe('aarch64');
    const x64 = await run([HODU], 'home-x64', model, join(t.dir, `${name}-x64.npz`));
    const arm = await run(['qemu-aarch64', '-L', SYSROOT, arm64], 'home-arm64', model, join(t.dir, `${name}-arm64.npz`));
    // The arm64 binary used its embedded cpu backend, split the model as the x64 one did.
    expect(arm.stderr).toContain('ran on cpu');
    expect(arm.partitions[0]).toMatch(/^\s*#0\s+cpu\s/);
    expect(arm.partitions).toEqual(x64.partitions);
    expect([...arm.outputs.keys()]).toEqual([...x64.outputs.keys()]);
    for (const [out, want] of x64.outputs) {
      const problem = compareTensor(arm.outputs.get(out) as Tensor, want as Tensor, model.rtol ?? RTOL, model.atol ?? ATOL);
      expect(problem === null ? 'equal' : `${name}: ${out}: ${problem}`).toBe('equal');
    }
  };

  const cnn: ModelRun = { name: 'resnet', path: () => generated.find((p) => p.endsWith('resnet.onnx'))!, args: ['--shape', 'image=1x3x32x32'] };
  const f16: ModelRun = { name: 'cnn-f16', path: () => join(t.dir, 'models', 'cnn-f16.onnx'), args: [], rtol: F16_MODELS.cnn!.rtol, atol: F16_MODELS.cnn!.atol };
  const wakeWord: ModelRun = { name: 'hey_jarvis', path: () => WAKE_WORD, args: [] };
  const skipped = (title: string, reason: string) => (reason ? `${title} [skipped: ${reason}]` : title);
  test.skipIf(Boolean(noRuntime))(skipped('a generated CNN (resnet.onnx) runs on the embedded arm64 cpu backend like x64', noRuntime), check(cnn), 120_000);
  test.skipIf(Boolean(noRuntime))(skipped('a float16 CNN runs on the embedded arm64 cpu backend (NEON float16 conversions) like x64', noRuntime), check(f16), 120_000);
  test.skipIf(Boolean(noRuntime || noWakeWord))(skipped('the openWakeWord hey_jarvis model runs on the embedded arm64 cpu backend like x64', noRuntime || noWakeWord), check(wakeWord), 120_000);
});
