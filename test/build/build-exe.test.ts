/**
 * `hodu build --standalone` through the compiled binary: executables of generated models read an .npz and
 * write one equal to the interp's outputs; `--target aarch64-linux-gnu` builds one that runs under
 * qemu-aarch64 with the same outputs (skipped without the cross compiler or qemu, unless CI=true).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { loadNpz } from '../../src/formats/npz/index';
import { generateModels } from '../models/generate';
import { requireBinary, tempDir, writeNpzFile } from '../e2e/hodu';
import { checkTools, cCompiler, testWithTools } from '../support/optional-tools';
import { expectClose, hoduBuild, interpOutputs, seededFeeds, type BuildJson } from './support';
import type { Tensor } from '../../src/ir/tensor';

const tmp = tempDir('hodu-build-exe-');
const env = { HODU_HOME: join(tmp.dir, 'home'), HODU_CACHE_DIR: join(tmp.dir, 'cache') };
afterAll(() => tmp.cleanup());

const tools = checkTools([cCompiler()]);
const suite = tools.run ? describe : describe.skip;

/** Runs an executable (maybe under qemu) on the feeds as an .npz; its outputs .npz, decoded. */
async function runStandalone(cmd: string[], feeds: Map<string, Tensor>, label: string): Promise<Map<string, Tensor>> {
  const input = await writeNpzFile(join(tmp.dir, `${label}-in.npz`), feeds);
  const output = join(tmp.dir, `${label}-out.npz`);
  const r = Bun.spawnSync([...cmd, input, '-o', output, '-q'], { stdout: 'pipe', stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`${cmd.join(' ')} exited ${r.exitCode}: ${r.stderr}`);
  return loadNpz(readFileSync(output), output);
}

suite(`hodu build --standalone${tools.run ? '' : ' [skipped: no C compiler]'}`, () => {
  let paths: Record<string, string> = {};
  beforeAll(async () => {
    requireBinary();
    const written = await generateModels(join(tmp.dir, 'models'));
    paths = Object.fromEntries(written.map((p) => [p.split('/').pop()!, p]));
  });

  const check = async (file: string, json: BuildJson, cmd: string[], label: string) => {
    const feeds = seededFeeds(json.inputs);
    const model = decodeModel(readFileSync(paths[file]!));
    expectClose(await runStandalone(cmd, feeds, label), await interpOutputs(model, feeds, 2), label);
  };

  for (const [file, extra] of [['mlp.onnx', []], ['resnet.onnx', ['--shape', 'image=1x3x32x32']], ['lstm.onnx', []]] as const) {
    test(`${file}: the executable's .npz outputs equal the interp`, async () => {
      const out = join(tmp.dir, file.replace('.onnx', ''));
      const { r, json } = hoduBuild([paths[file]!, '--standalone', '-o', out, ...extra], env);
      expect(r.stderr).toBe('');
      expect(json!.format).toBe('exe');
      await check(file, json!, [out], file);
    }, 300_000);
  }

  test('--format exe is --standalone; --help names the model', () => {
    const out = join(tmp.dir, 'gru-exe');
    const { json } = hoduBuild([paths['gru.onnx']!, '--format', 'exe', '-o', out], env);
    expect(json!.format).toBe('exe');
    const help = Bun.spawnSync([out, '--help'], { stdout: 'pipe' }).stdout.toString();
    expect(help).toContain("Runs the model 'gru'");
  }, 300_000);

  testWithTools(['aarch64-linux-gnu-gcc', 'qemu-aarch64'], '--target aarch64-linux-gnu --standalone runs under qemu-aarch64 and equals the interp', async () => {
    const out = join(tmp.dir, 'mlp-arm64');
    const { r, json } = hoduBuild([paths['mlp.onnx']!, '--target', 'linux-arm64', '--standalone', '-o', out], env);
    expect(r.stderr).toBe('');
    expect(json!.target).toBe('aarch64-linux-gnu');
    expect(Bun.spawnSync(['file', out], { stdout: 'pipe' }).stdout.toString()).toMatch(/aarch64|ARM aarch64/);
    await check('mlp.onnx', json!, ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu', out], 'mlp-arm64');
    // A second model for the same target reuses the aarch64 kernel library.
    const so = hoduBuild([paths['transformer.onnx']!, '--target', 'aarch64-linux-gnu', '-o', join(tmp.dir, 't-arm64.so')], env);
    expect(so.r.code).toBe(0);
  }, 600_000);
});
