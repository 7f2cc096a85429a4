/**
 * `hodu build` of real models (.cache/real-models, test/realmodels/fetch.sh) of different kinds: an audio
 * front end (melspectrogram), a conv embedding, the OCR direction classifier (.so through the C API) and
 * the OCR recognizer (--standalone); outputs equal the interp's on the same inputs (realmodels' rtol/atol).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { loadNpz } from '../../src/formats/npz/index';
import { REAL_MODELS, REAL_MODELS_DIR, realModelFetched, realModelsAvailable } from '../realmodels/models';
import { realModelFeeds } from '../realmodels/compare';
import { requireBinary, tempDir, writeNpzFile } from '../e2e/hodu';
import { checkTools, cCompiler } from '../support/optional-tools';
import { compileRunner, expectClose, hoduBuild, interpOutputs, runArtifact } from './support';

const tmp = tempDir('hodu-build-real-');
const env = { HODU_HOME: join(tmp.dir, 'home'), HODU_CACHE_DIR: join(tmp.dir, 'cache') };
afterAll(() => tmp.cleanup());

const PICKED: { file: string; format: 'so' | 'exe' }[] = [
  { file: 'melspectrogram.onnx', format: 'so' },
  { file: 'embedding_model.onnx', format: 'so' },
  { file: 'ch_ppocr_mobile_v2.0_cls_infer.onnx', format: 'so' },
  { file: 'ch_PP-OCRv4_rec_infer.onnx', format: 'exe' },
];

const tools = checkTools([cCompiler()]);
const ready = tools.run && realModelsAvailable();
const suite = ready ? describe : describe.skip;

suite(`hodu build of real models${ready ? '' : ' [skipped: no C compiler, or .cache/real-models not fetched (test/realmodels/fetch.sh)]'}`, () => {
  beforeAll(() => requireBinary());
  for (const { file, format } of PICKED) {
    const m = REAL_MODELS.find((r) => r.file === file)!;
    const run = realModelFetched(m) ? test : test.skip;
    run(`${file} (${format}) equals the interp`, async () => {
      const path = join(REAL_MODELS_DIR, file);
      const model = decodeModel(readFileSync(path), { path });
      const feeds = realModelFeeds(m, model);
      const shapes = [...feeds].flatMap(([name, t]) => ['--shape', `${name}=${t.dims.join('x')}`]);
      const out = join(tmp.dir, format === 'so' ? `${file}.so` : file.replace('.onnx', ''));
      const { r, json } = hoduBuild([path, '-o', out, ...(format === 'exe' ? ['--standalone'] : []), ...shapes], env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      let ours;
      if (format === 'so') {
        const exe = join(tmp.dir, `run-${file}`);
        compileRunner(out, exe);
        ours = runArtifact([exe], tmp.dir, feeds, json!);
      } else {
        const input = await writeNpzFile(join(tmp.dir, 'real-in.npz'), feeds);
        const output = join(tmp.dir, 'real-out.npz');
        const x = Bun.spawnSync([out, input, '-o', output, '-q'], { stdout: 'pipe', stderr: 'pipe' });
        expect(x.stderr.toString()).toBe('');
        ours = await loadNpz(readFileSync(output), output);
      }
      expectClose(ours, await interpOutputs(model, feeds, 2), file);
    }, 600_000);
  }
});
