/**
 * backend-cpu packs a conv's constant weights once, at create() (conv.c prepare_conv, sgemm_pack_a), in the
 * A panel layout of the micro-kernel the process chose. One session run twice on different inputs must equal
 * the interp both times (the packed weights are not scratch that a run overwrites), under every micro-kernel
 * (HODU_CPU_ISA: the panel height differs) and with the blocks split between threads.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { tempDir } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';
import { buildCpuLibrary } from './support';


describeWithTools(['cc'], 'backend-cpu conv with prepacked weights', () => {
  const t = tempDir('hodu-prepack-');
  afterAll(() => t.cleanup());
  let lib = '';
  beforeAll(() => {
    lib = buildCpuLibrary(t.dir);
  });

  const cases: [Record<string, string>, string][] = [[{}, '1'], [{ HODU_CPU_ISA: 'avx2' }, '1'], [{ HODU_CPU_ISA: 'c' }, '1'], [{ HODU_CPU_SPLIT_SMALL: '1' }, '2']];
  for (const [env, threads] of cases) {
    test(`one session run twice equals the interp both times (${JSON.stringify(env)}, ${threads} thread(s))`, () => {
      const r = Bun.spawnSync([process.execPath, join(import.meta.dir, 'conv-twice-check.ts'), lib, threads], { env: { ...process.env, ...env }, stdout: 'pipe', stderr: 'pipe' });
      expect(r.exitCode === 0 ? '' : r.stderr.toString()).toBe('');
      const lines = r.stdout.toString().trim().split('\n');
      expect(lines).toEqual(['run 1 y1: equal', 'run 1 y2: equal', 'run 1 y3: equal', 'run 2 y1: equal', 'run 2 y2: equal', 'run 2 y3: equal']);
    });
  }
});
