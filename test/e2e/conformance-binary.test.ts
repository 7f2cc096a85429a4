/**
 * Official ONNX tests through the compiled binary (`hodu run model.onnx --input in.npz --output out.npz`),
 * chosen to cover the npz I/O paths: a sequence output (`NAME/0`…), bfloat16 and string inputs, control flow,
 * RNNs, and one test of each other directory. Skipped when the test data is not installed.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { runCaseViaBinary } from '../conformance/binary';
import { onnxTestDataDir } from '../conformance/testdata';
import { requireBinary, tempDir } from './hodu';

const root = onnxTestDataDir();
const tmp = tempDir('hodu-conformance-bin-');
beforeAll(() => requireBinary());
afterAll(() => tmp.cleanup());

const CASES = [
  'node/test_if_seq',
  'node/test_cast_BFLOAT16_to_FLOAT',
  'node/test_strnormalizer_export_monday_casesensintive_lower',
  'node/test_loop11',
  'node/test_lstm_defaults',
  'node/test_gemm_default_zero_bias',
  'pytorch-converted/test_Conv2d',
  'pytorch-operator/test_operator_maxpool',
  'simple/test_sign_model',
];

for (const c of CASES) {
  test.skipIf(!root)(c, async () => {
    const outcome = await runCaseViaBinary(join(root!, c), tmp.dir);
    expect(outcome.status === 'passed' ? 'passed' : `${outcome.status}: ${outcome.reason}`).toBe('passed');
  }, 60_000);
}
