import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'remove', description: 'Uninstall a plugin (its folder and its plugins.json entry)' },
  args: {
    name: { type: 'positional', description: 'Installed plugin name', required: true },
    ...jsonArg,
  },
  examples: ['hodu plugin remove demo'],
  async run({ args }) {
    const { removePlugin } = await import('../../../plugins/remove');
    const { err, outJson } = await import('../../ui/output');
    const p = await removePlugin(args.name);
    if (args.json) return outJson({ removed: p });
    err(`removed ${p.type} plugin ${p.name} ${p.version}`);
  },
});
