import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** Who owns an install that hodu must not replace itself, and the command that updates it instead. */
interface ManagedInstall {
  manager: string;
  command: string;
}

/**
 * A packager that owns the binary drops this file next to it, holding the update command
 * (e.g. `brew upgrade hodu`); self-update then refuses and prints that command.
 */
const MANAGED_MARKER = '.hodu-package-manager';

const KNOWN: { test: (p: string) => boolean; manager: string; command: string }[] = [
  { test: (p) => p.includes(`${sep}node_modules${sep}`), manager: 'npm', command: 'npm update -g hodu' },
  { test: (p) => /[\\/](Cellar|homebrew|linuxbrew)[\\/]/i.test(p), manager: 'Homebrew', command: 'brew upgrade hodu' },
  { test: (p) => p.startsWith('/nix/store/'), manager: 'Nix', command: 'nix profile upgrade hodu (or update your Nix configuration)' },
  { test: (p) => p.startsWith('/snap/'), manager: 'snap', command: 'sudo snap refresh hodu' },
  { test: (p) => /[\\/]scoop[\\/]apps[\\/]/i.test(p), manager: 'Scoop', command: 'scoop update hodu' },
  { test: (p) => /^\/(usr\/)?(s)?bin\//.test(p), manager: 'the system package manager', command: 'your package manager (e.g. sudo apt upgrade hodu, sudo dnf upgrade hodu)' },
];

/** Whether `exePath` (a real path) belongs to a package manager. */
export function managedInstall(exePath: string): ManagedInstall | undefined {
  const marker = join(dirname(exePath), MANAGED_MARKER);
  if (existsSync(marker)) {
    const command = readFileSync(marker, 'utf8').trim().split('\n')[0] || 'your package manager';
    return { manager: 'a package manager', command };
  }
  const hit = KNOWN.find((k) => k.test(exePath));
  return hit && { manager: hit.manager, command: hit.command };
}
