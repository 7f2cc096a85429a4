/**
 * --max-memory on the default backend (the embedded cpu, in-process): an If whose body makes a 256 MiB value
 * (rough estimate, so only watching can stop it) is stopped while running, as on the interp, because with a
 * limit set the body runs on the interp's worker thread, where the RSS is sampled (src/plugins/native/memory-budget.ts).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { hodu, requireBinary, tempDir } from './hodu';
import { writeBigIfModel } from '../support/big-if-model';

const tmp = tempDir('hodu-memory-native-');
let bigIf = '';
let condition = '';

beforeAll(() => {
  requireBinary();
  ({ model: bigIf, condition } = writeBigIfModel(tmp.dir));
});
afterAll(() => tmp.cleanup());

test('on the default (embedded cpu) backend a run over the limit is stopped while running, nothing printed', () => {
  const env = { HODU_MAX_MEMORY: '', HODU_LOG: '', HODU_HOME: join(tmp.dir, 'home') };
  const args = ['run', bigIf, '--input', `c=${condition}`, '--random-inputs'];
  const r = hodu([...args, '--max-memory', '200MiB', '--json'], { env });
  expect(r.code).toBe(1);
  const { error, ...rest } = JSON.parse(r.stdout);
  expect(rest).toEqual({}); // only the --json error object: no outputs
  expect(error.code).toBe('E_MEMORY_LIMIT');
  expect(error.message).toMatch(/^the run was stopped: hodu's memory \(RSS\) reached [\d.]+ MiB while running, over --max-memory = 200 MiB/);
  // Without a limit the same run goes through on cpu.
  const ok = hodu([...args, '--json'], { env });
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout).backend).toBe('cpu');
});
