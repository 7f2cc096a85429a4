import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'enable', description: 'Use a disabled plugin again' },
  args: {
    name: { type: 'positional', description: 'Installed plugin name', required: true },
    ...jsonArg,
  },
  examples: ['hodu plugin enable demo'],
  async run({ args }) {
    const { setPluginDisabled } = await import('../../../plugins/plugin-state');
    const { err, outJson } = await import('../../ui/output');
    const { entry, changed } = await setPluginDisabled(args.name, false);
    if (args.json) return outJson({ name: entry.name, type: entry.type, disabled: false, changed });
    err(changed ? `enabled ${entry.type} plugin ${entry.name}` : `${entry.name} was already enabled`);
  },
});
