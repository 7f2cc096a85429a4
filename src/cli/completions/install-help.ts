import { join } from 'node:path';
import type { Shell } from './generate';

/**
 * Where `hodu completions --help` tells each shell's users to put the script (relative to their home).
 * `hodu doctor` can look there to report whether completions are installed.
 */
export function completionInstallPaths(home: string): Record<Shell, string> {
  return {
    bash: join(home, '.local/share/bash-completion/completions/hodu'),
    zsh: join(home, '.zfunc/_hodu'),
    fish: join(home, '.config/fish/completions/hodu.fish'),
    powershell: '$PROFILE (a line: hodu completions powershell | Out-String | Invoke-Expression)',
  };
}
