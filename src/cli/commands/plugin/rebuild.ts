import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'rebuild', description: 'Rebuild an installed plugin against this hodu (e.g. after an upgrade)' },
  args: {
    name: { type: 'positional', description: 'Installed plugin name', required: true },
    debug: { type: 'boolean', description: 'Build native sources with -O0 -g instead of -O2', default: false },
    quiet: { type: 'boolean', description: 'No progress output', default: false },
    ...jsonArg,
  },
  examples: ['hodu plugin rebuild demo', 'hodu plugin rebuild demo --debug'],
  async run({ args }) {
    const { rebuildPlugin } = await import('../../../plugins/rebuild');
    const { withInstallProgress } = await import('../../ui/install-progress');
    const { err, outJson } = await import('../../ui/output');
    const { plugin } = await withInstallProgress(`Rebuilding ${args.name}`, { quiet: Boolean(args.quiet), json: Boolean(args.json) }, (onEvent) =>
      rebuildPlugin(args.name, { debug: args.debug, onEvent }),
    );
    if (args.json) return outJson(plugin);
    if (!args.quiet) err(`rebuilt ${plugin.name} ${plugin.version} (${plugin.build})`);
  },
});
