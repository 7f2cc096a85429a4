import { defineHoduCommand } from '../command';
import type { CommandData } from '../lazy-commands';

export default defineHoduCommand({
  meta: { name: 'completions', description: 'Print the shell completion script for bash, zsh, fish or powershell' },
  args: {
    shell: { type: 'positional', description: 'Shell to complete for: bash, zsh, fish or powershell (see EXAMPLES for where each looks)', required: true, valueHint: 'bash|zsh|fish|powershell' },
  },
  examples: [
    'hodu completions bash > ~/.local/share/bash-completion/completions/hodu',
    'mkdir -p ~/.zfunc && hodu completions zsh > ~/.zfunc/_hodu   # with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc',
    'hodu completions fish > ~/.config/fish/completions/hodu.fish',
    'hodu completions powershell | Out-String | Invoke-Expression   # in $PROFILE',
  ],
  async run({ args, data }) {
    const { generateCompletion, parseShell } = await import('../completions/generate');
    const { out } = await import('../ui/output');
    // The table that lists this command comes from the dispatcher (main.ts), not an import of it.
    out((await generateCompletion(parseShell(args.shell), (data as CommandData).commands)).trimEnd());
  },
});
