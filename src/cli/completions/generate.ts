import { HoduError } from '../../errors';
import { generateBash } from './bash';
import { generateFish } from './fish';
import { generatePowershell } from './powershell';
import type { CommandTable } from '../lazy-commands';
import { loadCommandTree, type CommandNode } from './tree';
import { generateZsh } from './zsh';

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
type Shell = (typeof SHELLS)[number];

/** The committed file under completions/ for each shell (named as each shell looks for it). */
export const COMPLETION_FILES: Record<Shell, string> = { bash: 'hodu.bash', zsh: '_hodu', fish: 'hodu.fish', powershell: 'hodu.ps1' };

export function parseShell(name: string): Shell {
  if ((SHELLS as readonly string[]).includes(name)) return name as Shell;
  throw new HoduError('E_USAGE', `unknown shell '${name}'; hodu completes ${SHELLS.join(', ')}`, { hint: 'run `hodu completions --help` for how to install each' });
}

/** The completion script for `shell`, generated from the live command tree (src/cli/commands/index.ts). */
export async function generateCompletion(shell: Shell, commands: CommandTable): Promise<string> {
  return renderCompletion(shell, await loadCommandTree(commands));
}

export function renderCompletion(shell: Shell, root: CommandNode): string {
  switch (shell) {
    case 'bash':
      return generateBash(root);
    case 'zsh':
      return generateZsh(root);
    case 'fish':
      return generateFish(root);
    case 'powershell':
      return generatePowershell(root);
  }
}
