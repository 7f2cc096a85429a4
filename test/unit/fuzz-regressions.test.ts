/**
 * Replays every file in test/fuzz/regressions/: inputs the fuzzer once crashed on (`<format>-seed<S>-case<N>.<ext>`)
 * and hand-made hostile files (`hostile-*`, each claiming ~10^12 elements). Each must end in success or a
 * HoduError in-process; the hostile ones must be refused (HoduError) without the process growing by gigabytes.
 */
import { expect, test } from 'bun:test';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { bindInputs } from '../../src/runtime/bind-inputs';
import { classify, loadCase } from '../fuzz/cases';
import { REGRESSIONS_DIR } from '../fuzz/fuzz';
import type { FuzzFormat } from '../fuzz/seeds';

const dir = mkdtempSync(join(tmpdir(), 'hodu-fuzz-regressions-'));
const files = readdirSync(REGRESSIONS_DIR).filter((f) => !f.startsWith('.')).sort();
const MAX_GROWTH = 512 * 2 ** 20;

test('the regression folder holds the hostile files', () => {
  expect(files.filter((f) => f.startsWith('hostile-')).length).toBeGreaterThanOrEqual(10);
});

for (const file of files) {
  test(file, async () => {
    const format = extname(file).slice(1) as FuzzFormat;
    const before = process.memoryUsage.rss();
    const bytes = readFileSync(join(REGRESSIONS_DIR, file));
    const outcome = await classify(async () => {
      await loadCase(format, bytes, dir);
      // Models also go through random-input binding, as `hodu run --random-inputs` does.
      if (format === 'onnx') await bindInputs(decodeModel(bytes), { inputs: [], shapes: new Map(), randomInputs: true, seed: 1 });
    });
    expect(outcome.kind === 'bug' ? outcome.message : 'no bug').toBe('no bug');
    if (file.startsWith('hostile-')) expect(outcome.kind).toBe('error');
    expect(process.memoryUsage.rss() - before).toBeLessThan(MAX_GROWTH);
  });
}
