import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import TOML from '@iarna/toml';

/**
 * The written skip list: test name → reason. Each reason must be a fact about the test (e.g. its expected
 * output depends on an unspecified RNG), not about hodu. Read from skips.toml.
 */
export function loadSkips(): Map<string, string> {
  const doc = TOML.parse(readFileSync(join(import.meta.dir, 'skips.toml'), 'utf8')) as { skip?: { test: string; reason: string }[] };
  return new Map((doc.skip ?? []).map((s) => [s.test, s.reason]));
}
