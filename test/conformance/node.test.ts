/**
 * The official ONNX node tests that the interp supports must pass. Unsupported ops are skipped and counted
 * (they are the conformance issue's work); a supported op with wrong numbers fails.
 */
import { describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { listTests, runCase } from './runner';
import { loadSkips } from './skips';
import { onnxTestDataDir } from './testdata';

const root = onnxTestDataDir();
const skips = loadSkips();
const counts = { passed: 0, failed: 0, unsupported: 0, listed: 0 };

describe.skipIf(!root)('ONNX backend node tests (libonnx-testdata)', () => {
  const names = root ? listTests(join(root, 'node')) : [];
  for (const name of names) {
    const reason = skips.get(name);
    test.skipIf(reason !== undefined)(name, async () => {
      const outcome = await runCase(join(root!, 'node', name));
      if (outcome.status === 'skipped') {
        counts.unsupported++;
        return;
      }
      if (outcome.status === 'passed') counts.passed++;
      else counts.failed++;
      expect(outcome.status === 'failed' ? outcome.reason : 'passed').toBe('passed');
    });
  }
  test('summary', () => {
    counts.listed = names.filter((n) => skips.has(n)).length;
    console.log(`ONNX node tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.unsupported} skipped (unsupported op), ${counts.listed} skipped (skips.toml) of ${names.length}`);
    for (const r of skips.values()) expect(r.length).toBeGreaterThan(10);
  });
});
