import { expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { generateSdkReference, SDK_DOC } from '../../scripts/gen-sdk-docs';

test('docs/sdk-reference.md is generated from the current SDK (run `bun scripts/gen-sdk-docs.ts` if this fails)', () => {
  const fresh = generateSdkReference();
  expect(fresh).toContain('### `defineBackendPlugin`');
  expect(fresh).toContain('### `FormatPlugin`');
  // Compare line by line so a failure shows the first stale line, not a 30 kB blob.
  const committed = readFileSync(SDK_DOC, 'utf8').split('\n');
  const expected = fresh.split('\n');
  const first = expected.findIndex((line, i) => committed[i] !== line);
  expect(first === -1 && committed.length === expected.length ? 'in sync' : `stale from line ${first + 1}: ${expected[first] ?? '(end)'}`).toBe('in sync');
});
