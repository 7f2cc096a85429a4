import { defineHoduCommand } from '../../command';

export default defineHoduCommand({
  meta: { name: 'disable', description: 'Stop using an installed plugin: never chosen automatically, refused by --backend until enabled' },
  args: {
    name: { type: 'positional', description: 'Installed plugin name', required: true },
  },
  examples: ['hodu plugin disable demo'],
  async run({ args }) {
    const { setPluginDisabled } = await import('../../../plugins/plugin-state');
    const { err } = await import('../../ui/output');
    const { entry, changed } = await setPluginDisabled(args.name, true);
    err(changed ? `disabled ${entry.type} plugin ${entry.name} (undo: hodu plugin enable ${entry.name})` : `${entry.name} was already disabled`);
  },
});
