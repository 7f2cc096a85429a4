/**
 * Regenerates the error-code table in README.md from ERROR_CODES in src/errors.ts:
 * `bun scripts/gen-error-table.ts`. test/unit/error-codes.test.ts fails until the README matches.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFreshErrorTable } from '../src/cli/error-table';

const file = join(import.meta.dir, '..', 'README.md');
writeFileSync(file, withFreshErrorTable(readFileSync(file, 'utf8')));
console.error(`wrote the error-code table in ${file}`);
