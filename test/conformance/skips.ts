import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import TOML from '@iarna/toml';

export const SKIPS_FILE = join(import.meta.dir, 'skips.toml');
/** Tests skipped on backend-cpu only (`--backend cpu`): a wrong answer found in a kernel, until it is fixed. */
export const CPU_SKIPS_FILE = join(import.meta.dir, 'skips-cpu.toml');

interface SkipEntry {
  test?: unknown;
  reason?: unknown;
}

/**
 * The written skip list: test name → reason. Each reason must be a fact about the test (e.g. its expected
 * output depends on an unspecified RNG), not about hodu. Read from skips.toml.
 */
export function loadSkips(text = readFileSync(SKIPS_FILE, 'utf8')): Map<string, string> {
  const doc = TOML.parse(text) as { skip?: SkipEntry[] };
  return new Map((doc.skip ?? []).map((s) => [String(s.test ?? ''), typeof s.reason === 'string' ? s.reason : '']));
}

/** Entries CI refuses: a missing or too-short reason, a missing test name, a test listed twice. */
export function skipProblems(skips: Map<string, string>, text = readFileSync(SKIPS_FILE, 'utf8')): string[] {
  const problems: string[] = [];
  for (const [test, reason] of skips) {
    if (!test) problems.push('an entry has no test name');
    if (reason.trim().length < 20) problems.push(`${test || '(unnamed)'}: the reason is missing or shorter than 20 characters`);
  }
  const doc = TOML.parse(text) as { skip?: SkipEntry[] };
  const names = (doc.skip ?? []).map((s) => String(s.test ?? ''));
  for (const dup of new Set(names.filter((n, i) => names.indexOf(n) !== i))) problems.push(`${dup}: listed twice`);
  return problems;
}
