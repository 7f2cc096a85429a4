import { defineHoduCommand } from '../../command';

export default defineHoduCommand({
  meta: { name: 'remove', description: 'Uninstall a plugin (its folder and its plugins.json entry)' },
  args: {
    name: { type: 'positional', description: 'Installed plugin name', required: true },
  },
  examples: ['hodu plugin remove demo'],
  async run({ args }) {
    const { removePlugin } = await import('../../../plugins/remove');
    const { err } = await import('../../ui/output');
    const p = await removePlugin(args.name);
    err(`removed ${p.type} plugin ${p.name} ${p.version}`);
  },
});
