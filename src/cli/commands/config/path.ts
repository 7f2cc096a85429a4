import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'path', description: 'Print the path of config.toml ($HODU_HOME/config.toml)' },
  args: { ...jsonArg },
  examples: ['hodu config path', '$EDITOR "$(hodu config path)"', 'hodu config path --json'],
  async run({ args }) {
    const { configPath } = await import('../../../config/load');
    const { existsSync } = await import('node:fs');
    const { out, outJson } = await import('../../ui/output');
    const path = configPath();
    if (args.json) return outJson({ path, exists: existsSync(path) });
    out(path);
  },
});
