/**
 * A short run of the fuzzer (300 cases per format in-process, a few through the binary when it is built);
 * `npm run fuzz` is the full run. Every case must end in success or a HoduError.
 */
import { expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { fuzz, HODU_BINARY } from '../fuzz/fuzz';
import { caseSeed, makeRand, mutateBytes } from '../fuzz/mutate';
import { makeCase } from '../fuzz/cases';
import { FORMATS, loadSeeds } from '../fuzz/seeds';

test('cases are reproducible from (seed, format, index)', async () => {
  const seeds = await loadSeeds();
  for (const format of FORMATS) {
    const a = await makeCase(seeds[format], format, 7, 123);
    const b = await makeCase(seeds[format], format, 7, 123);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  }
  expect(caseSeed(1, 'npy', 1)).not.toBe(caseSeed(1, 'npy', 2));
});

test('mutators never write into the seed they start from', () => {
  const seed = new Uint8Array(256).map((_, i) => i);
  const copy = seed.slice();
  const r = makeRand(99);
  for (let i = 0; i < 500; i++) mutateBytes(seed, r);
  expect([...seed]).toEqual([...copy]);
});

test('300 cases per format end in success or a HoduError', async () => {
  const report = await fuzz({
    seed: 20240601,
    cases: 300,
    formats: FORMATS,
    timeoutMs: 10_000,
    maxRssBytes: 3 * 2 ** 30,
    binaryCases: existsSync(HODU_BINARY) ? 4 : 0,
    binaryTimeoutMs: 30_000,
    saveRegressions: false,
  });
  const bugs = report.formats.flatMap((f) => f.bugs.map((b) => `${b.format} case ${b.index} (${b.via}): ${b.message}`));
  expect(bugs).toEqual([]);
  for (const f of report.formats) {
    expect(f.ok + Object.values(f.errors).reduce((a, b) => a + b, 0)).toBe(300);
    // The mutations must reach both outcomes, or the fuzz is not testing anything.
    expect(f.ok).toBeGreaterThan(0);
    expect(Object.keys(f.errors).length).toBeGreaterThan(0);
  }
}, 120_000);
