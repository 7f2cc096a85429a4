/**
 * backend-cpu packs a conv's constant weights once, at create() (conv.c prepare_conv, sgemm_pack_a), in the
 * A panel layout of the micro-kernel the process chose. One session run twice on different inputs must equal
 * the interp both times (the packed weights are not scratch that a run overwrites), under every micro-kernel
 * (HODU_CPU_ISA: the panel height differs) and with the blocks split between threads.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileCommand } from '../../src/plugins/build-native';
import { tempDir } from '../e2e/hodu';
import { describeWithTools } from '../support/optional-tools';

const PLUGIN = join(import.meta.dir, '..', '..', 'plugins', 'backend-cpu');
const native = () => JSON.parse(readFileSync(join(PLUGIN, 'package.json'), 'utf8')).hodu.native as { sources: string[]; library: string; cflags?: string[]; ldflags?: string[] };

describeWithTools(['cc'], 'backend-cpu conv with prepacked weights', () => {
  const t = tempDir('hodu-prepack-');
  afterAll(() => t.cleanup());
  let lib = '';
  beforeAll(() => {
    lib = join(t.dir, native().library);
    const r = Bun.spawnSync(compileCommand({ ...native(), library: lib }, join(PLUGIN, '..', '..', 'ffi'), 'release'), { cwd: PLUGIN, stderr: 'pipe' });
    expect(r.exitCode === 0 ? '' : r.stderr.toString()).toBe('');
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
