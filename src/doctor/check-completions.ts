/** Shell completions installed where bash, zsh and fish look for them. */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DoctorCheck } from './types';

/** Usual completion file locations per shell (user-level first). */
function completionPaths(env: Record<string, string | undefined>): Record<'bash' | 'zsh' | 'fish', string[]> {
  const home = env.HOME ?? '';
  const data = env.XDG_DATA_HOME || join(home, '.local', 'share');
  const config = env.XDG_CONFIG_HOME || join(home, '.config');
  const fpath = (env.FPATH ?? '').split(':').filter(Boolean);
  return {
    bash: [join(data, 'bash-completion', 'completions', 'hodu'), join(home, '.bash_completion.d', 'hodu'), '/usr/share/bash-completion/completions/hodu', '/etc/bash_completion.d/hodu'],
    zsh: [join(home, '.zfunc', '_hodu'), ...fpath.map((d) => join(d, '_hodu')), '/usr/share/zsh/vendor-completions/_hodu', '/usr/local/share/zsh/site-functions/_hodu'],
    fish: [join(config, 'fish', 'completions', 'hodu.fish'), '/usr/share/fish/vendor_completions.d/hodu.fish'],
  };
}

const INSTALL: Record<string, string> = {
  bash: 'mkdir -p ~/.local/share/bash-completion/completions && hodu completions bash > ~/.local/share/bash-completion/completions/hodu',
  zsh: 'mkdir -p ~/.zfunc && hodu completions zsh > ~/.zfunc/_hodu (and add `fpath+=~/.zfunc; autoload -Uz compinit; compinit` to ~/.zshrc)',
  fish: 'hodu completions fish > ~/.config/fish/completions/hodu.fish',
};

export const completionsCheck: DoctorCheck = {
  id: 'completions',
  title: 'shell completions',
  async run(ctx) {
    const paths = completionPaths(ctx.env);
    const found = Object.entries(paths).flatMap(([shell, list]) => list.filter((p) => existsSync(p)).slice(0, 1).map((p) => `${shell}: ${p}`));
    if (found.length) return { status: 'ok', detail: found.join(', ') };
    const shell = basename(ctx.env.SHELL ?? '');
    const cmd = INSTALL[shell] ?? INSTALL.bash!;
    return { status: 'warn', detail: 'not installed for bash, zsh or fish', hint: cmd };
  },
};
