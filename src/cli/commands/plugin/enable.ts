import { defineHoduCommand } from '../../command';

export default defineHoduCommand({
  meta: { name: 'enable', description: 'Use a disabled plugin again' },
  args: {
    name: { type: 'positional', description: 'Installed plugin name', required: true },
  },
  examples: ['hodu plugin enable demo'],
  async run({ args }) {
    const { setPluginDisabled } = await import('../../../plugins/plugin-state');
    const { err } = await import('../../ui/output');
    const { entry, changed } = await setPluginDisabled(args.name, false);
    err(changed ? `enabled ${entry.type} plugin ${entry.name}` : `${entry.name} was already enabled`);
  },
});
