import type { CommandTable } from '../lazy-commands';
import { err, out } from '../ui/output';
import { completeWords } from './complete';
import { loadCommandTree } from './tree';

/**
 * `hodu __complete WORD...` (hidden): prints the candidates for the last word, one per line. The generated
 * shell scripts call it only for dynamic slots (backend and plugin names). It never fails loudly: a shell
 * completion must not spill errors into the prompt, so a problem goes to stderr (the scripts discard it).
 */
export async function runComplete(words: string[], commands: CommandTable): Promise<number> {
  try {
    const root = await loadCommandTree(commands);
    const lines = completeWords(root, words);
    if (lines.length) out(lines.join('\n'));
    return 0;
  } catch (e) {
    err(`hodu __complete: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
