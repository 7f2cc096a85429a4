/**
 * --max-memory with --compare-backends through dist/hodu: the runs are watched as a single run is (before, the
 * guard was built and then left unused, so an If that makes a 256 MiB value ran through on both backends).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { hodu, requireBinary, tempDir } from '../e2e/hodu';
import { writeBigIfModel } from '../support/big-if-model';

const tmp = tempDir('hodu-compare-memory-');
let bigIf = '';
let condition = '';

beforeAll(() => {
  requireBinary();
  ({ model: bigIf, condition } = writeBigIfModel(tmp.dir));
});
afterAll(() => tmp.cleanup());

test('--compare-backends --max-memory: a run over the limit is stopped while running', () => {
  const env = { HODU_MAX_MEMORY: '', HODU_LOG: '', HODU_HOME: join(tmp.dir, 'home') };
  const args = ['run', bigIf, '--input', `c=${condition}`, '--random-inputs', '--compare-backends', 'interp,cpu', '--json'];
  const r = hodu([...args, '--max-memory', '200MiB'], { env });
  expect(r.code).toBe(1);
  const { error, ...rest } = JSON.parse(r.stdout);
  expect(rest).toEqual({});
  expect(error.code).toBe('E_MEMORY_LIMIT');
  // Without a limit both backends run it and agree.
  const ok = hodu(args, { env });
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout).compareBackends.ok).toBe(true);
});
