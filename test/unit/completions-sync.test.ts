import { expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commands } from '../../src/cli/commands/index';
import { COMPLETION_FILES, generateCompletion, SHELLS } from '../../src/cli/completions/generate';

const dir = join(import.meta.dir, '..', '..', 'completions');

// The committed scripts are what users download; they must follow every command, flag and choice.
for (const shell of SHELLS) {
  test(`completions/${COMPLETION_FILES[shell]} matches the command tree`, async () => {
    const committed = readFileSync(join(dir, COMPLETION_FILES[shell]), 'utf8');
    const fresh = await generateCompletion(shell, commands);
    if (committed !== fresh) {
      throw new Error(`completions/${COMPLETION_FILES[shell]} is stale (a command, flag or choice changed): run \`bun scripts/gen-completions.ts\` and commit completions/`);
    }
    expect(committed).toBe(fresh);
  });
}
