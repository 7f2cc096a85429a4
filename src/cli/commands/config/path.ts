import { defineHoduCommand } from '../../command';

export default defineHoduCommand({
  meta: { name: 'path', description: 'Print the path of config.toml ($HODU_HOME/config.toml)' },
  args: {},
  examples: ['hodu config path', '$EDITOR "$(hodu config path)"'],
  async run() {
    const { configPath } = await import('../../../config/load');
    const { out } = await import('../../ui/output');
    out(configPath());
  },
});
