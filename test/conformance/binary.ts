/**
 * Runs one official test case through the compiled binary, as a user would:
 * `hodu run model.onnx --input in.npz --output out.npz`, with input_N.pb written to an .npz keyed by graph input
 * name and outputs compared at the runner's tolerance. Sequence outputs come back as `NAME/0`, `NAME/1`, …
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { loadNpz, saveNpz } from '../../src/formats/npz/index';
import { feedInputs, type Model } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import type { RuntimeValue } from '../../src/sdk/backend';
import { HODU_BINARY, spawnCapture } from './spawn';
import { compareValues, readValue, type Outcome } from './runner';

/** Whether every fed input and every output of the model is a tensor or a sequence of tensors (what an npz can carry). */
export function binaryCanRun(model: Model): boolean {
  const ok = (kind: string | undefined) => kind === 'tensor' || kind === 'sequence';
  return feedInputs(model.graph).every((i) => i.type?.kind === 'tensor') && model.graph.outputs.every((o) => ok(o.type?.kind));
}

/** `backend` is passed as --backend (default interp); `env` is added to hodu's environment (e.g. HODU_HOME). */
export async function runCaseViaBinary(caseDir: string, tmp: string, opts: { backend?: string; env?: Record<string, string> } = {}): Promise<Outcome> {
  const modelPath = join(caseDir, 'model.onnx');
  const model = decodeModel(readFileSync(modelPath), { path: modelPath });
  if (!binaryCanRun(model)) return { status: 'skipped', reason: 'optional or sequence inputs cannot be given as .npz keys yet' };
  const inputs = feedInputs(model.graph);
  for (const set of readdirSync(caseDir).filter((d) => d.startsWith('test_data_set_')).sort()) {
    const setDir = join(caseDir, set);
    const feeds = new Map<string, Tensor>();
    inputs.forEach((info, i) => {
      const p = join(setDir, `input_${i}.pb`);
      if (existsSync(p)) feeds.set(info.name, readValue(p, info) as Tensor);
    });
    const inPath = join(tmp, 'in.npz');
    const outPath = join(tmp, 'out.npz');
    writeFileSync(inPath, await saveNpz(feeds));
    const args = ['run', modelPath, '--backend', opts.backend ?? 'interp', '--output', outPath];
    if (feeds.size) args.push('--input', inPath);
    const r = await spawnCapture(HODU_BINARY, args, 60_000, opts.env);
    if (r.code !== 0) return { status: 'failed', reason: `${set}: hodu run exited ${r.code}: ${r.stderr.trim().split('\n')[0] ?? ''}` };
    const got = await loadNpz(readFileSync(outPath), outPath);
    for (let i = 0; i < model.graph.outputs.length; i++) {
      const info = model.graph.outputs[i]!;
      const p = join(setDir, `output_${i}.pb`);
      if (!existsSync(p)) continue;
      const expected = readValue(p, info);
      const actual: RuntimeValue | undefined = info.type?.kind === 'sequence' ? sequenceFromKeys(got, info.name) : got.get(info.name);
      const mismatch = compareValues(actual, expected);
      if (mismatch) return { status: 'failed', reason: `${set} output '${info.name}' (binary): ${mismatch}` };
    }
  }
  return { status: 'passed' };
}

/** `NAME/0`, `NAME/1`, … back into a sequence (an empty sequence has no keys). */
function sequenceFromKeys(map: Map<string, Tensor>, name: string): Tensor[] {
  const out: Tensor[] = [];
  for (let i = 0; map.has(`${name}/${i}`); i++) out.push(map.get(`${name}/${i}`)!);
  return out;
}
