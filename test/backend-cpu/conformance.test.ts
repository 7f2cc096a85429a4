/**
 * The official ONNX node tests made only of ops backend-cpu declares, run on the plugin as installed by
 * `hodu plugin install --path` (loaded in-process through the host's native loader, isolated in a child),
 * against the expected outputs at the conformance runner's tolerance (rtol 1e-3, atol 1e-7). No test may
 * give a wrong answer. A test may be refused: a kernel the plugin does not list (other dtypes, MaxPool's
 * Indices, sequence_lens) or a create() refusal (training_mode …), or not planned by the host (shapes that
 * depend on run-time inputs, non-tensor inputs); each such outcome is printed, not hidden.
 * Skipped when the ONNX test data is not installed (`npm run testdata`).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HoduError } from '../../src/errors';
import { decodeModel } from '../../src/formats/onnx/decode';
import { feedInputs, type Model } from '../../src/ir/graph';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import { prepareModel } from '../../src/runtime/prepare';
import type { RuntimeValue } from '../../src/sdk/backend';
import { compareValues, listTests, modelOps, readValue } from '../conformance/runner';
import { onnxTestDataDir } from '../conformance/testdata';
import { describeWithTools } from '../support/optional-tools';
import { installCpu, type CpuHome } from './support';

const root = onnxTestDataDir();
const PLUGIN_DIR = join(import.meta.dir, '..', '..', 'plugins', 'backend-cpu');
const pkg = JSON.parse(readFileSync(join(PLUGIN_DIR, 'package.json'), 'utf8'));
const OPS = new Set<string>(pkg.hodu.capabilities.ops);

type Outcome = 'passed' | 'refused' | 'not planned' | 'failed';

async function runOnCpu(backend: ReturnType<typeof loadNativeBackend>, dir: string, model: Model): Promise<[Outcome, string]> {
  try {
    const session = await backend.createSession(model);
    const inputs = feedInputs(model.graph);
    for (const set of readdirSync(dir).filter((d) => d.startsWith('test_data_set_')).sort()) {
      const feeds = new Map<string, RuntimeValue>();
      inputs.forEach((info, i) => {
        const p = join(dir, set, `input_${i}.pb`);
        if (existsSync(p)) feeds.set(info.name, readValue(p, info));
      });
      const out = await session.run(feeds);
      for (const [i, info] of model.graph.outputs.entries()) {
        const p = join(dir, set, `output_${i}.pb`);
        const mismatch = existsSync(p) ? compareValues(out.get(info.name), readValue(p, info)) : null;
        if (mismatch) return ['failed', `${set} output '${info.name}': ${mismatch}`];
      }
    }
    return ['passed', ''];
  } catch (e) {
    const code = e instanceof HoduError ? e.code : '';
    const message = (e as Error).message.split('\n')[0]!;
    if (code === 'E_UNSUPPORTED_KERNEL' || ((code === 'E_PLUGIN_REFUSED' || code === 'E_PLUGIN') && /could not prepare/.test(message))) return ['refused', message];
    if (code === 'E_PLAN' || code === 'E_INPUT') return ['not planned', message];
    return ['failed', `${code} ${message}`];
  }
}

describeWithTools(['cc'], 'backend-cpu on the official ONNX node tests of the ops it declares', () => {
  let cpu: CpuHome;
  beforeAll(() => {
    if (root) cpu = installCpu();
  });
  afterAll(() => cpu?.cleanup());

  test.skipIf(!root)('no wrong answers; every test passes, or is refused or not planned with a reason', async () => {
    const lib = join(cpu.home, 'plugins', 'cpu', pkg.hodu.native.library);
    const backend = loadNativeBackend(lib, probeNativeLibrary(lib, 'cpu'), { isolate: true });
    const results: Record<Outcome, string[]> = { passed: [], refused: [], 'not planned': [], failed: [] };
    const nodeDir = join(root!, 'node');
    for (const name of listTests(nodeDir)) {
      const dir = join(nodeDir, name);
      const model = prepareModel(decodeModel(readFileSync(join(dir, 'model.onnx')), { path: dir }));
      if (![...modelOps(model)].every((op) => OPS.has(op))) continue;
      const [outcome, why] = await runOnCpu(backend, dir, model);
      results[outcome].push(why ? `${name}: ${why}` : name);
    }
    console.log(`backend-cpu node tests: ${results.passed.length} passed, ${results.refused.length} refused, ${results['not planned'].length} not planned, ${results.failed.length} failed`);
    for (const line of [...results.refused, ...results['not planned']]) console.log(`  ${line}`);
    expect(results.failed).toEqual([]);
    // Not vacuous: more passing tests than declared ops, across more than ten op families (by test name).
    const covered = new Set(results.passed.map((n) => n.replace(/^test_/, '').split('_')[0]!));
    expect(results.passed.length).toBeGreaterThan(OPS.size);
    expect(covered.size).toBeGreaterThan(10);
  }, 600_000);
});
