import { defineHoduCommand } from '../../command';

export default defineHoduCommand({
  meta: { name: 'install', description: 'Install a plugin package from a folder (builds native sources with the system C compiler)' },
  args: {
    path: { type: 'string', description: 'Folder holding the plugin package.json', required: true, valueHint: 'dir' },
    debug: { type: 'boolean', description: 'Build native sources with -O0 -g instead of -O2', default: false },
    force: { type: 'boolean', description: 'Replace an installed plugin of the same name', default: false },
    quiet: { type: 'boolean', description: 'No progress output', default: false },
    json: { type: 'boolean', description: 'Print the installed plugin as JSON on stdout', default: false },
  },
  examples: ['hodu plugin install --path ./demo', 'hodu plugin install --path ./demo --debug --force'],
  async run({ args }) {
    const { installFromPath } = await import('../../../plugins/install');
    const { withInstallProgress } = await import('../../ui/install-progress');
    const { err, outJson } = await import('../../ui/output');
    const mode = { quiet: Boolean(args.quiet), json: Boolean(args.json) };
    const { plugin, replaced } = await withInstallProgress(`Installing ${args.path}`, mode, (onEvent) =>
      installFromPath(args.path, { debug: args.debug, force: args.force, onEvent }),
    );
    if (args.json) return outJson({ ...plugin, replaced });
    if (!args.quiet) err(`${replaced ? 'replaced' : 'installed'} ${plugin.type} plugin ${plugin.name} ${plugin.version} (${plugin.build}) in ${plugin.path}`);
  },
});
