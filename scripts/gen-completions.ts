/**
 * Regenerates completions/ from the command tree: `bun scripts/gen-completions.ts`.
 * Run it after adding or changing a command, flag or choice; test/unit/completions-sync.test.ts fails
 * until the committed scripts match.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commands } from '../src/cli/commands/index';
import { COMPLETION_FILES, generateCompletion, SHELLS } from '../src/cli/completions/generate';

const dir = join(import.meta.dir, '..', 'completions');
for (const shell of SHELLS) {
  const file = join(dir, COMPLETION_FILES[shell]);
  writeFileSync(file, await generateCompletion(shell, commands));
  console.error(`wrote ${file}`);
}
