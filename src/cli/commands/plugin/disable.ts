import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'disable', description: 'Stop using an installed plugin: never chosen automatically, refused by --backend until enabled' },
  args: {
    name: { type: 'positional', description: 'Installed plugin name', required: true },
    ...jsonArg,
  },
  examples: ['hodu plugin disable demo'],
  async run({ args }) {
    const { setPluginDisabled } = await import('../../../plugins/plugin-state');
    const { err, outJson } = await import('../../ui/output');
    const { entry, changed } = await setPluginDisabled(args.name, true);
    if (args.json) return outJson({ name: entry.name, type: entry.type, disabled: true, changed });
    err(changed ? `disabled ${entry.type} plugin ${entry.name} (undo: hodu plugin enable ${entry.name})` : `${entry.name} was already disabled`);
  },
});
